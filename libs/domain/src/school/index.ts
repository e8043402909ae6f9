export * from './school-settings';
