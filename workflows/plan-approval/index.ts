export { planApprovalWorkflow } from './workflow';
