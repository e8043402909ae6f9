export { staffImportWorkflow } from './workflow';
