export const API_METRICS = Symbol('API_METRICS');
