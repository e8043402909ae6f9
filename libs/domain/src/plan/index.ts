export * from './events';
export * from './state';
export * from './diff';
export * from './template';
export * from './past-windows';
export * from './approve';
export * from './decider';
export * from './next-year';
