export * from './events';
export * from './state';
export * from './publish';
export * from './adopt';
export * from './decider';
