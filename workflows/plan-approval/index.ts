export { planApprovalWorkflow } from './workflow';
export { procedureWakesWorkflow } from './wakes';
