export const CONFIG = Symbol('CONFIG');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const MONGO_CLIENT = Symbol('MONGO_CLIENT');
export const READ_DB = Symbol('READ_DB');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
export const READ_STORE = Symbol('READ_STORE');
/** Content-addressed files (evidence, school templates): a blob is its hash, whoever stored it. */
export const BLOB_STORE = Symbol('BLOB_STORE');
