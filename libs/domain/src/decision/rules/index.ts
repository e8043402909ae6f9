export * from './fail';
export * from './lifecycle';
export * from './deadline';
export * from './scope';
export * from './executors';
export * from './evidence';
export * from './timers';
