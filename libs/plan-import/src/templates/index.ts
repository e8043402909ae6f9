export * from './template-ids';
export * from './build-template';
