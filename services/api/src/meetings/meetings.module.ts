import { Module } from '@nestjs/common';
import { DecisionRecordsModule } from '../decisions/decisions.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CorrectMeetingRecord } from './correct-meeting/correct-meeting';
import { ListMeetings } from './list-meetings/list-meetings';
import { MeetingsController } from './meetings.controller';
import { AgendaProposal } from './use-cases/agenda-proposal';
import { DiscussionOutcomes } from './use-cases/discussion-outcomes';
import { MeetingDiscussions } from './use-cases/meeting-discussions';
import { MeetingUseCases } from './use-cases/meeting-use-cases';

@Module({
  imports: [ReadModelsModule, DecisionRecordsModule],
  controllers: [MeetingsController],
  providers: [
    MeetingUseCases,
    MeetingDiscussions,
    AgendaProposal,
    ListMeetings,
    DiscussionOutcomes,
    CorrectMeetingRecord,
  ],
  exports: [MeetingUseCases],
})
export class MeetingsModule {}
