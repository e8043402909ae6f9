export * from './events';
export * from './state';
export * from './diff';
export * from './template';
