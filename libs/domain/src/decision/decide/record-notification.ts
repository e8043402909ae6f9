import { requireSystem } from '../../procedure/rules';
import type { CommandContext } from '../../shared';
import type { RecordDecisionNotification } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { existingDecision } from '../rules/lifecycle';
import type { DecisionState } from '../state';

/** The outcome of a mail, whatever the decision's status by now: the audit trail shows who was told and how. */
export function recordDecisionNotification(
  command: RecordDecisionNotification,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  requireSystem(ctx);
  existingDecision(state, command.data.decisionId, ctx);
  return [{ type: 'DecisionNotificationRecorded', data: command.data }];
}
