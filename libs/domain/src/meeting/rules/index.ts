export * from './fail';
export * from './lifecycle';
export * from './dates';
export * from './agenda';
