import { Module } from '@nestjs/common';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { FeedBuilderService } from './feed-builder.service';
import { FeedTokensService } from './feed-tokens.service';

/** Outbound iCalendar feeds of procedure windows and decision deadlines, per school and per person. */
@Module({
  controllers: [CalendarFeedsController],
  providers: [FeedTokensService, FeedBuilderService],
})
export class CalendarFeedsModule {}
