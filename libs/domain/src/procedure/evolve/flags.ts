import type { ProcedureBase, ProcedureState } from '../state';
import type { Stage } from '../values';

type Flags = ProcedureBase['overdueStages'];

export function withoutStageFlag(flags: Flags, stage: Stage): Flags {
  const rest = { ...flags };
  delete rest[stage];
  return rest;
}

export function stageOverdue(state: ProcedureState, stage: Stage, dueDate: string): ProcedureState {
  if (!isActive(state)) return state;
  return { ...state, overdueStages: { ...state.overdueStages, [stage]: { dueDate, escalated: false } } };
}

export function escalated(state: ProcedureState, stage: Stage, step?: number): ProcedureState {
  if (!isActive(state)) return state;
  const flag = state.overdueStages[stage];
  if (!flag) return state;
  if (step === undefined) {
    return { ...state, overdueStages: { ...state.overdueStages, [stage]: { ...flag, escalated: true } } };
  }
  const escalations = (flag.escalations ?? 0) + 1;
  return {
    ...state,
    overdueStages: { ...state.overdueStages, [stage]: { ...flag, escalated: true, escalations } },
  };
}

/** Notification outcomes are facts about delivery: they are kept even after the procedure ended. */
export function withNotificationOutcome(
  state: ProcedureState,
  notificationId: string,
  attempt: number,
): ProcedureState {
  if (state.status === 'none') return state;
  return { ...state, notificationOutcomes: [...state.notificationOutcomes, `${notificationId}#${attempt}`] };
}

function isActive(
  state: ProcedureState,
): state is Exclude<ProcedureState, { status: 'none' | 'closed' | 'cancelled' }> {
  return state.status !== 'none' && state.status !== 'closed' && state.status !== 'cancelled';
}

/** A preparation reminder was sent for the window in force. */
export function preparationSent(state: ProcedureState, from: string, daysBefore: number): ProcedureState {
  if (!isActive(state)) return state;
  return { ...state, preparationsSent: [...(state.preparationsSent ?? []), { from, daysBefore }] };
}
