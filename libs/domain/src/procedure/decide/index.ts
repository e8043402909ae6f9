// Design: decide(command, state, ctx) — command data says what is wanted; the actor and the time come in ctx.
import { assertNever, type CommandContext } from '../../shared';
import type { ProcedureCommand } from '../commands';
import type { ProcedureEvent } from '../events';
import type { ProcedureState } from '../state';
import { adoptDecisions, noteResultsWithoutDecision } from './adopt-decisions';
import { cancelDecision } from './cancel-decision';
import { cancelProcedure } from './cancel-procedure';
import { closeProcedure } from './close-procedure';
import { escalateToDirector } from './escalate-to-director';
import { remindOfWindow } from './remind-of-window';
import { executeDecision } from './execute-decision';
import { extendDecisionDeadline } from './extend-decision-deadline';
import { markDecisionOverdue } from './mark-decision-overdue';
import { markProcedurePerformed } from './mark-performed';
import { markStageOverdue } from './mark-stage-overdue';
import { recordAnalysis } from './record-analysis';
import { recordDiscussion } from './record-discussion';
import { recordNotification } from './record-notification';
import { remindOfDecision } from './remind-of-decision';
import { requestRecheck } from './request-recheck';
import { reassignProcedure } from './reassign';
import { reassignProcedureDecision } from './reassign-decision';
import { rescheduleProcedure } from './reschedule';
import { scheduleProcedure } from './schedule';

/**
 * Pure: the same command in the same state with the same context always gives the same events or the same
 * DomainRuleViolation. Timer commands made stale by later changes give no events rather than an error.
 */
export function decide(
  command: ProcedureCommand,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  switch (command.type) {
    case 'ScheduleProcedure':
      return scheduleProcedure(command, state, ctx);
    case 'RescheduleProcedure':
      return rescheduleProcedure(command, state, ctx);
    case 'ReassignProcedure':
      return reassignProcedure(command, state, ctx);
    case 'MarkProcedurePerformed':
      return markProcedurePerformed(command, state, ctx);
    case 'RecordAnalysis':
      return recordAnalysis(command, state, ctx);
    case 'RecordDiscussion':
      return recordDiscussion(command, state, ctx);
    case 'AdoptDecisions':
      return adoptDecisions(command, state, ctx);
    case 'NoteResultsWithoutDecision':
      return noteResultsWithoutDecision(command, state, ctx);
    case 'ExecuteDecision':
      return executeDecision(command, state, ctx);
    case 'ExtendDecisionDeadline':
      return extendDecisionDeadline(command, state, ctx);
    case 'CancelDecision':
      return cancelDecision(command, state, ctx);
    case 'ReassignProcedureDecision':
      return reassignProcedureDecision(command, state, ctx);
    case 'RequestRecheck':
      return requestRecheck(command, state, ctx);
    case 'CancelProcedure':
      return cancelProcedure(command, state, ctx);
    case 'CloseProcedure':
      return closeProcedure(command, state, ctx);
    case 'MarkStageOverdue':
      return markStageOverdue(command, state, ctx);
    case 'RemindOfDecision':
      return remindOfDecision(command, state, ctx);
    case 'MarkDecisionOverdue':
      return markDecisionOverdue(command, state, ctx);
    case 'EscalateToDirector':
      return escalateToDirector(command, state, ctx);
    case 'RemindOfWindow':
      return remindOfWindow(command, state, ctx);
    case 'RecordNotificationSent':
    case 'RecordNotificationFailed':
      return recordNotification(command, state, ctx);
    default:
      return assertNever(command);
  }
}
