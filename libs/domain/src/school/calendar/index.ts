export * from './values';
export * from './working-days';
export * from './rules';
export * from './russian-defaults';
export * from './district-default';
