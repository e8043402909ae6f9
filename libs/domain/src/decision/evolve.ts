import { assertNever } from '../shared';
import type { DecisionStreamEvent } from './events';
import type { DecisionBase, DecisionState } from './state';

type Existing = Exclude<DecisionState, { status: 'none' }>;

/** Trusts the event (decide checked the rules): an event that does not fit the state leaves it unchanged. */
export function evolveDecision(state: DecisionState, event: DecisionStreamEvent): DecisionState {
  if (event.type === 'DecisionAdopted') {
    return {
      status: 'open',
      ...event.data,
      evidence: [],
      remindFrom: event.data.recordedOn,
      remindersSent: [],
      overdue: false,
      escalated: false,
      escalations: 0,
      checkIns: [],
      executions: [],
      assessments: [],
      reassignments: 0,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DecisionReassigned':
      return { ...state, executors: event.data.executors, reassignments: state.reassignments + 1 };
    case 'DecisionDeadlineChanged':
      return {
        ...state,
        deadline: event.data.deadline,
        remindFrom: event.data.changedOn,
        overdue: false,
        escalated: false,
        escalations: 0,
      };
    case 'DecisionWordingCorrected':
      return { ...state, wording: event.data.wording };
    case 'EvidenceAttached': {
      const { decisionId: _id, ...evidence } = event.data;
      return { ...state, evidence: [...state.evidence, evidence] };
    }
    case 'DecisionExecutionRecorded': {
      const { executedOn, evidenceIds, note } = event.data;
      const execution = { executedOn, evidenceIds, ...(note !== undefined ? { note } : {}) };
      return { ...base(state), status: 'executed', executions: [...state.executions, execution] };
    }
    case 'DecisionWithdrawn':
      return { ...base(state), status: 'withdrawn', withdrawalReason: event.data.reason };
    case 'CheckInRecorded':
      return withCheckIn(state, { dueOn: event.data.dueOn, outcome: 'recorded', note: event.data.note });
    case 'CheckInMissed':
      return withCheckIn(state, { dueOn: event.data.dueOn, outcome: 'missed' });
    case 'DecisionDeadlineApproaching': {
      const { due, daysBefore } = event.data;
      return { ...state, remindersSent: [...state.remindersSent, { due, daysBefore }] };
    }
    case 'DecisionDeadlineMissed':
      return { ...state, overdue: true };
    case 'DecisionEscalated':
      return { ...state, escalated: true, escalations: (state.escalations ?? 0) + 1 };
    case 'DecisionNotificationRecorded':
      return state;
    case 'EffectivenessAssessed': {
      const { verdict, indicator, assessedOn, note, rechecks } = event.data;
      const assessment = {
        verdict,
        indicator,
        assessedOn,
        ...(note !== undefined ? { note } : {}),
        ...(rechecks !== undefined ? { rechecks } : {}),
      };
      return {
        ...base(state),
        status: verdict === 'not-effective' ? 'reopened' : 'assessed',
        assessments: [...state.assessments, assessment],
        // A re-opened question is watched afresh: its old lateness and reminders are history.
        ...(verdict === 'not-effective'
          ? { overdue: false, escalated: false, escalations: 0, remindFrom: assessedOn }
          : {}),
      };
    }
    default:
      return assertNever(event);
  }
}

/** The state without its status-specific fields, to move it to another status. */
function base(state: Existing): DecisionBase {
  if (state.status !== 'withdrawn') {
    const { status: _status, ...rest } = state;
    return rest;
  }
  const { status: _status, withdrawalReason: _reason, ...rest } = state;
  return rest;
}

/** A check-in day has one outcome: progress reported after a missed mark replaces it, marked late. */
function withCheckIn(state: Existing, checkIn: DecisionBase['checkIns'][number]): DecisionState {
  const earlier = state.checkIns.find((c) => c.dueOn === checkIn.dueOn);
  const others = state.checkIns.filter((c) => c !== earlier);
  const late = earlier?.outcome === 'missed' && checkIn.outcome === 'recorded';
  const checkIns = [...others, late ? { ...checkIn, late } : checkIn].sort((a, b) =>
    a.dueOn.localeCompare(b.dueOn),
  );
  return { ...state, checkIns };
}
