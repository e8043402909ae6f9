export * from './actors';
export * from './dates';
export * from './fail';
export * from './lifecycle';
export * from './text';
export * from './decisions';
export * from './timers';
export * from './reminders';
