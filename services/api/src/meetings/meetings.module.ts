import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListMeetings } from './list-meetings/list-meetings';
import { MeetingsController } from './meetings.controller';
import { AgendaProposal } from './use-cases/agenda-proposal';
import { DiscussionOutcomes } from './use-cases/discussion-outcomes';
import { MeetingDiscussions } from './use-cases/meeting-discussions';
import { MeetingUseCases } from './use-cases/meeting-use-cases';

@Module({
  imports: [ReadModelsModule],
  controllers: [MeetingsController],
  providers: [MeetingUseCases, MeetingDiscussions, AgendaProposal, ListMeetings, DiscussionOutcomes],
  exports: [MeetingUseCases],
})
export class MeetingsModule {}
