export * from './logger';
export * from './temporal-logger';
export * from './waits';
