export * from './values';
export * from './events';
export * from './commands';
export * from './state';
export * from './evolve';
export * from './decide';
export * from './protocol-register';
export * from './decider';
