export * from './decider-spec';
export * from './context';
