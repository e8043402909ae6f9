export * from './bounded-pool';
export * from './outcome';
