export { procedureWorkflow } from './workflow';
