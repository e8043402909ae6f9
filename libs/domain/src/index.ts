export * from './shared';
export * from './procedure';
export * from './plan';
export * from './school';
