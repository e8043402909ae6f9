import { assertNever } from '../../shared';
import type { ProcedureEvent } from '../events';
import type { ProcedureState } from '../state';
import { evolveDecision } from './decisions';
import { escalated, preparationSent, stageOverdue, withNotificationOutcome, withoutStageFlag } from './flags';

export {
  adoptedDecision,
  adoptedDecisions,
  decisionIdOf,
  evolveOneDecision,
  isDecisionOverdue,
  type DecisionChange,
  type DecisionEvent,
} from './decisions';

/**
 * Folds one event into the state. It trusts the event (decide checked the rules), so an event that does not
 * fit the state, which decide never produces, leaves the state as it is instead of throwing.
 */
export function evolve(state: ProcedureState, event: ProcedureEvent): ProcedureState {
  switch (event.type) {
    case 'ProcedureScheduled':
      return { status: 'scheduled', ...event.data, overdueStages: {}, notificationOutcomes: [] };
    case 'ProcedureRescheduled':
      if (state.status !== 'scheduled') return state;
      return {
        ...state,
        window: event.data.window,
        overdueStages: withoutStageFlag(state.overdueStages, 'performance'),
      };
    case 'ProcedureReassigned':
      if (state.status === 'none' || state.status === 'closed' || state.status === 'cancelled') return state;
      return { ...state, responsible: event.data.responsible };
    case 'ProcedurePerformed': {
      if (state.status !== 'scheduled') return state;
      const { performedOn, performedBy, collected } = event.data;
      return { ...state, status: 'performed', performance: { performedOn, performedBy, collected } };
    }
    case 'AnalysisRecorded': {
      if (state.status !== 'performed') return state;
      const { analysedOn, document, findings, figures } = event.data;
      return { ...state, status: 'analysed', analysis: { analysedOn, document, findings, figures } };
    }
    case 'DiscussionRecorded':
      if (state.status !== 'analysed') return state;
      return { ...state, status: 'discussed', discussion: event.data.meeting };
    case 'ResultsNotedWithoutDecision':
      if (state.status !== 'discussed') return state;
      return {
        ...state,
        status: 'following-up',
        followUp: { decisions: [], notedWithoutDecision: noteOf(event.data.note), rechecks: [] },
      };
    case 'DecisionsAdopted':
    case 'DecisionExecuted':
    case 'DecisionDeadlineExtended':
    case 'DecisionCancelled':
    case 'DecisionReminderDue':
    case 'DecisionOverdue':
    case 'ProcedureDecisionReassigned':
    case 'RecheckRequested':
      return evolveDecision(state, event);
    case 'ProcedureCancelled':
      if (state.status === 'none' || state.status === 'closed' || state.status === 'cancelled') return state;
      return {
        ...state,
        status: 'cancelled',
        cancelledInStatus: state.status,
        cancellationReason: event.data.reason,
      };
    case 'ProcedureClosed':
      if (state.status === 'analysed' && event.data.withoutMeeting)
        return { ...state, status: 'closed', closedWithoutMeeting: true };
      if (state.status !== 'following-up') return state;
      return { ...state, status: 'closed' };
    case 'StageOverdue':
      return stageOverdue(state, event.data.stage, event.data.dueDate);
    case 'EscalatedToDirector':
      return event.data.subject.kind === 'stage'
        ? escalated(state, event.data.subject.stage, event.data.step)
        : evolveDecision(state, event);
    case 'WindowApproaching':
      return preparationSent(state, event.data.window.from, event.data.daysBefore);
    case 'NotificationSent':
    case 'NotificationFailed':
      return withNotificationOutcome(state, event.data.notificationId, event.data.attempt);
    default:
      return assertNever(event);
  }
}

function noteOf(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}
