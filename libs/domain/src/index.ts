export * from './shared';
export * from './procedure';
