export * from './errors';
export * from './event';
export * from './time-zone';
export * from './decider';
export * from './same-value';
export * from './ru-date';
