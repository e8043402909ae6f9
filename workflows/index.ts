// The workflow bundle's entry: every workflow the worker registers, and nothing that is not deterministic.
export * from './procedure';
export * from './calendar';
export * from './decision';
export * from './plan-approval';
export * from './meeting';
export * from './staff-import';
