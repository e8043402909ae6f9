import { Module } from '@nestjs/common';
import { CalendarSourcesController } from './feeds/calendar-sources.controller';
import { CalendarSourcesService } from './feeds/calendar-sources.service';
import { ListCalendarSources } from './list-sources/list-calendar-sources';
import { PreviewCalendarFeed } from './preview-feed/preview-calendar-feed';
import { IntegrationLog } from './shared/integration-log';
import { IntegrationRepository } from './shared/repository';
import { WebhookController } from './webhook/webhook.controller';
import { WebhookService } from './webhook/webhook.service';

/** Calendar integrations: inbound feeds, uploaded files and signed webhooks. */
@Module({
  controllers: [WebhookController, CalendarSourcesController],
  providers: [
    IntegrationRepository,
    IntegrationLog,
    CalendarSourcesService,
    WebhookService,
    ListCalendarSources,
    PreviewCalendarFeed,
  ],
})
export class IntegrationsModule {}
