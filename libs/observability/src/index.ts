export * from './logger';
export * from './temporal-logger';
