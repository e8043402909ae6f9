export { calendarFeedPollWorkflow, calendarWebhookWorkflow } from './workflow';
