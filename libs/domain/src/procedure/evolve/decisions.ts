import type {
  DecisionCancelled,
  DecisionDeadlineExtended,
  DecisionExecuted,
  DecisionOverdue,
  DecisionReminderDue,
  DecisionsAdopted,
  EscalatedToDirector,
  ProcedureDecisionReassigned,
  RecheckRequested,
} from '../events';
import type { Decision, ProcedureState } from '../state';

export type DecisionEvent =
  | DecisionsAdopted
  | DecisionExecuted
  | DecisionDeadlineExtended
  | DecisionCancelled
  | DecisionReminderDue
  | DecisionOverdue
  | ProcedureDecisionReassigned
  | RecheckRequested
  | EscalatedToDirector;

/** The events that change one decision after its adoption (a re-check request changes the procedure's list). */
export type DecisionChange = Exclude<DecisionEvent, DecisionsAdopted | RecheckRequested>;

export function evolveDecision(state: ProcedureState, event: DecisionEvent): ProcedureState {
  if (event.type === 'DecisionsAdopted') return adopted(state, event);
  if (state.status !== 'following-up') return state;
  if (event.type === 'RecheckRequested') {
    const recheck = { decisionId: event.data.decisionId, childProcedureId: event.data.child.procedureId };
    return { ...state, followUp: { ...state.followUp, rechecks: [...state.followUp.rechecks, recheck] } };
  }
  const decisionId = decisionIdOf(event);
  if (decisionId === null) return state;
  const decisions = state.followUp.decisions.map((d) =>
    d.decisionId === decisionId ? evolveOneDecision(d, event) : d,
  );
  return { ...state, followUp: { ...state.followUp, decisions } };
}

/** The decisions a meeting adopted, as they start their lives: open, nothing reminded, nothing missed. */
export function adoptedDecisions(event: DecisionsAdopted): Decision[] {
  return event.data.decisions.map((d) => adoptedDecision(event, d));
}

/** One of the event's decisions as it starts its life (a read model of one decision builds only its own). */
export function adoptedDecision(
  event: DecisionsAdopted,
  decision: DecisionsAdopted['data']['decisions'][number],
): Decision {
  // What `{ ...decision, status: 'open', … }` builds, at a hundredth of the cost: V8 takes its slow path for
  // every key a literal adds after a spread.
  return Object.assign({}, decision, {
    status: 'open' as const,
    extensions: [],
    remindFrom: event.data.recordedOn,
    remindersSent: [],
    overdue: false,
    escalated: false,
  });
}

/** The decision an event is about; an escalation may be about a stage instead. */
export function decisionIdOf(event: DecisionChange | RecheckRequested): string | null {
  if (event.type !== 'EscalatedToDirector') return event.data.decisionId;
  return event.data.subject.kind === 'decision' ? event.data.subject.decisionId : null;
}

/**
 * One decision's lifecycle: the procedure folds its decisions with it, and so does the decisions read model, so
 * the two never disagree. Like `evolve`, it trusts the event (decide checked the rules).
 */
export function evolveOneDecision(decision: Decision, event: DecisionChange): Decision {
  switch (event.type) {
    case 'DecisionExecuted': {
      const { executedOn, evidence } = event.data;
      return { ...decision, status: 'executed', executed: { executedOn, evidence } };
    }
    case 'DecisionCancelled':
      return { ...decision, status: 'cancelled', cancellationReason: event.data.reason };
    case 'DecisionDeadlineExtended': {
      const { previousDeadline, deadline, reason, extendedOn } = event.data;
      return {
        ...decision,
        deadline,
        extensions: [...decision.extensions, { from: previousDeadline, to: deadline, reason, extendedOn }],
        remindFrom: extendedOn,
        overdue: false,
        escalated: false,
        ...(decision.escalations !== undefined ? { escalations: 0 } : {}),
      };
    }
    case 'DecisionReminderDue': {
      const { deadline, daysBefore } = event.data;
      return { ...decision, remindersSent: [...decision.remindersSent, { deadline, daysBefore }] };
    }
    case 'DecisionOverdue':
      return { ...decision, overdue: true };
    case 'ProcedureDecisionReassigned':
      return { ...decision, responsible: event.data.responsible };
    case 'EscalatedToDirector':
      // Only chain steps are counted: a decision escalated before chains keeps the shape it always had.
      return event.data.step === undefined
        ? { ...decision, escalated: true }
        : { ...decision, escalated: true, escalations: (decision.escalations ?? 0) + 1 };
  }
}

/** Open with the deadline in force missed: what lists call «просрочено». */
export function isDecisionOverdue(decision: Pick<Decision, 'status' | 'overdue'>): boolean {
  return decision.status === 'open' && decision.overdue;
}

function adopted(state: ProcedureState, event: DecisionsAdopted): ProcedureState {
  const fresh = adoptedDecisions(event);
  if (state.status === 'discussed') {
    return { ...state, status: 'following-up', followUp: { decisions: fresh, rechecks: [] } };
  }
  if (state.status !== 'following-up') return state;
  const decisions = [...state.followUp.decisions, ...fresh];
  return { ...state, followUp: { ...state.followUp, decisions } };
}
