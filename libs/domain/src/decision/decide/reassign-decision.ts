import { sameValue, type CommandContext } from '../../shared';
import { requireText } from '../../procedure/rules';
import type { ReassignDecision } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, requireAdministration, requireExecutors } from '../rules';
import type { DecisionState } from '../state';

/** Staff leave: the administration hands the decision to someone else, saying why. */
export function reassignDecision(
  command: ReassignDecision,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = decisionStep(
    state,
    decisionId,
    ctx,
    ['open', 'reopened'],
    'Передать решение другому ответственному',
  );
  requireAdministration(ctx, 'Передать решение другому ответственному');
  const executors = requireExecutors(command.data.executors);
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину передачи решения');
  if (sameValue(executors, current.executors)) return [];
  return [
    { type: 'DecisionReassigned', data: { decisionId, previous: current.executors, executors, reason } },
  ];
}
