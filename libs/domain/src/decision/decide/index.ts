import { assertNever, type CommandContext } from '../../shared';
import type { DecisionCommand } from '../commands';
import type { DecisionStreamEvent } from '../events';
import type { DecisionState } from '../state';
import { adoptDecision } from './adopt-decision';
import { assessEffectiveness } from './assess-effectiveness';
import { attachEvidence } from './attach-evidence';
import { changeDecisionDeadline } from './change-deadline';
import { correctDecisionWording } from './correct-wording';
import { escalateDecision } from './escalate-decision';
import { markCheckInMissed } from './mark-check-in-missed';
import { markDeadlineMissed } from './mark-deadline-missed';
import { reassignDecision } from './reassign-decision';
import { recordDecisionNotification } from './record-notification';
import { recordCheckIn } from './record-check-in';
import { recordDecisionExecution } from './record-execution';
import { remindOfDeadline } from './remind-of-deadline';
import { withdrawDecision } from './withdraw-decision';

/** Pure: same command, state and context, same events or the same refusal; stale timers give no events. */
export function decideDecision(
  command: DecisionCommand,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  switch (command.type) {
    case 'AdoptDecision':
      return adoptDecision(command, state, ctx);
    case 'ReassignDecision':
      return reassignDecision(command, state, ctx);
    case 'ChangeDecisionDeadline':
      return changeDecisionDeadline(command, state, ctx);
    case 'CorrectDecisionWording':
      return correctDecisionWording(command, state, ctx);
    case 'AttachEvidence':
      return attachEvidence(command, state, ctx);
    case 'RecordDecisionExecution':
      return recordDecisionExecution(command, state, ctx);
    case 'WithdrawDecision':
      return withdrawDecision(command, state, ctx);
    case 'RecordCheckIn':
      return recordCheckIn(command, state, ctx);
    case 'AssessEffectiveness':
      return assessEffectiveness(command, state, ctx);
    case 'RemindOfDeadline':
      return remindOfDeadline(command, state, ctx);
    case 'MarkDeadlineMissed':
      return markDeadlineMissed(command, state, ctx);
    case 'MarkCheckInMissed':
      return markCheckInMissed(command, state, ctx);
    case 'EscalateDecision':
      return escalateDecision(command, state, ctx);
    case 'RecordDecisionNotification':
      return recordDecisionNotification(command, state, ctx);
    default:
      return assertNever(command);
  }
}
