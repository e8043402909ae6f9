import type {
  DecisionCancelled,
  DecisionDeadlineExtended,
  DecisionExecuted,
  DecisionOverdue,
  DecisionReminderDue,
  DecisionsAdopted,
  EscalatedToDirector,
  RecheckRequested,
} from '../events';
import type { Decision, FollowingUpProcedure, ProcedureState } from '../state';

export type DecisionEvent =
  | DecisionsAdopted
  | DecisionExecuted
  | DecisionDeadlineExtended
  | DecisionCancelled
  | DecisionReminderDue
  | DecisionOverdue
  | RecheckRequested
  | EscalatedToDirector;

export function evolveDecision(state: ProcedureState, event: DecisionEvent): ProcedureState {
  if (event.type === 'DecisionsAdopted') return adopted(state, event);
  if (state.status !== 'following-up') return state;
  switch (event.type) {
    case 'RecheckRequested': {
      const recheck = { decisionId: event.data.decisionId, childProcedureId: event.data.child.procedureId };
      return { ...state, followUp: { ...state.followUp, rechecks: [...state.followUp.rechecks, recheck] } };
    }
    case 'DecisionExecuted': {
      const { executedOn, evidence } = event.data;
      return update(state, event.data.decisionId, () => ({
        status: 'executed',
        executed: { executedOn, evidence },
      }));
    }
    case 'DecisionCancelled':
      return update(state, event.data.decisionId, () => ({
        status: 'cancelled',
        cancellationReason: event.data.reason,
      }));
    case 'DecisionDeadlineExtended': {
      const { previousDeadline, deadline, reason, extendedOn } = event.data;
      return update(state, event.data.decisionId, (d) => ({
        deadline,
        extensions: [...d.extensions, { from: previousDeadline, to: deadline, reason }],
        remindFrom: extendedOn,
        overdue: false,
        escalated: false,
      }));
    }
    case 'DecisionReminderDue': {
      const { deadline, daysBefore } = event.data;
      return update(state, event.data.decisionId, (d) => ({
        remindersSent: [...d.remindersSent, { deadline, daysBefore }],
      }));
    }
    case 'DecisionOverdue':
      return update(state, event.data.decisionId, () => ({ overdue: true }));
    case 'EscalatedToDirector': {
      const { subject } = event.data;
      return subject.kind === 'decision'
        ? update(state, subject.decisionId, () => ({ escalated: true }))
        : state;
    }
  }
}

function adopted(state: ProcedureState, event: DecisionsAdopted): ProcedureState {
  const fresh: Decision[] = event.data.decisions.map((d) => ({
    ...d,
    status: 'open',
    extensions: [],
    remindFrom: event.data.recordedOn,
    remindersSent: [],
    overdue: false,
    escalated: false,
  }));
  if (state.status === 'discussed') {
    return { ...state, status: 'following-up', followUp: { decisions: fresh, rechecks: [] } };
  }
  if (state.status !== 'following-up') return state;
  const decisions = [...state.followUp.decisions, ...fresh];
  return { ...state, followUp: { ...state.followUp, decisions } };
}

function update(
  state: FollowingUpProcedure,
  decisionId: string,
  change: (d: Decision) => Partial<Decision>,
): FollowingUpProcedure {
  const decisions = state.followUp.decisions.map((d) =>
    d.decisionId === decisionId ? { ...d, ...change(d) } : d,
  );
  return { ...state, followUp: { ...state.followUp, decisions } };
}
