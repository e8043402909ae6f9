import type { CommandContext, ProcedureState } from '../../libs/domain/src';

// Date.now() inside a workflow is Temporal's replay-safe clock (the time of the current workflow task).
// eslint-disable-next-line no-restricted-syntax
export const workflowNow = (): number => Date.now();

/** The context of what the workflow does by itself (timers, recorded outcomes, re-checks): `key` names the occasion. */
export function systemContext(state: ProcedureState, procedureId: string, key: string): CommandContext {
  const issuedAt = new Date(workflowNow()).toISOString();
  return {
    commandId: `timer:${procedureId}:${key}`,
    actor: { id: 'system', kind: 'system', name: 'vsoko' },
    issuedAt,
    correlationId: procedureId,
    causationId: `timer:${key}`,
    schoolId: 'schoolId' in state ? state.schoolId : '',
  };
}
