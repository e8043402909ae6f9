export * from './address-policy';
export * from './fetch-public';
