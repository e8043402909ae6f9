export * from './school-settings';
export * from './calendar';
export * from './calendar-in-force';
export * from './document-templates';
