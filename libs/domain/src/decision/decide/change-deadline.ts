import { sameValue, type CommandContext } from '../../shared';
import { requireText, schoolToday } from '../../procedure/rules';
import { earliestDayOf } from '../../meeting/values';
import type { ChangeDecisionDeadline } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, requireAdministration, requireDecisionDeadline } from '../rules';
import type { DecisionState } from '../state';

/** Extend, shorten, or set the deadline of a decision adopted «без срока»: the administration, with a reason. */
export function changeDecisionDeadline(
  command: ChangeDecisionDeadline,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = decisionStep(state, decisionId, ctx, ['open', 'reopened'], 'Изменить срок исполнения');
  requireAdministration(ctx, 'Изменить срок исполнения');
  const by = current.adoptedBy;
  const deadline = requireDecisionDeadline(
    command.data.deadline,
    by.kind === 'meeting' ? earliestDayOf(by.date) : by.date,
  );
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину изменения срока');
  if (sameValue(deadline, current.deadline)) return [];
  return [
    {
      type: 'DecisionDeadlineChanged',
      data: {
        decisionId,
        previous: current.deadline,
        deadline,
        reason,
        changedOn: schoolToday(ctx, current.timeZone),
      },
    },
  ];
}
