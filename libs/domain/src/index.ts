export * from './shared';
export * from './streams';
export * from './procedure';
export * from './plan';
export * from './school';
export * from './meeting';
export * from './decision';
export * from './organisation';
