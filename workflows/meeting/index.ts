export { meetingDiscussionsWorkflow } from './workflow';
