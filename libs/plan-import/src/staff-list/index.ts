export * from './read-staff-list';
export * from './positions-ru';
export * from './subjects';
export * from './logins';
