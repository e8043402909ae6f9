export * from './decider-handler';
export { deterministicEventId } from './event-ids';
