import type { CommandContext } from '../../shared';
import type { ExtendDecisionDeadline } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  fail,
  findDecision,
  inStage,
  requireAdministrator,
  requireDeadline,
  requireOpen,
  requireSchool,
  requireText,
  ruDate,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

/** Only the administration grants more time: the person answering for a decision does not extend it. */
export function extendDecisionDeadline(
  command: ExtendDecisionDeadline,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireAdministrator(ctx, 'Продлить срок решения');
  const following = inStage(current, ['following-up'], 'продлить срок решения');
  const decision = requireOpen(findDecision(following, decisionId));
  const deadline = requireDeadline(
    command.data.deadline,
    following.discussion.heldOn,
    'Новый срок исполнения',
  );
  if (deadline <= decision.deadline) {
    fail(
      'DEADLINE_NOT_LATER',
      `Новый срок (${ruDate(deadline)}) должен быть позже действующего (${ruDate(decision.deadline)})`,
    );
  }
  const today = schoolToday(ctx, following.timeZone);
  if (deadline < today) {
    fail('DEADLINE_IN_PAST', `Новый срок (${ruDate(deadline)}) уже прошёл: сегодня ${ruDate(today)}`);
  }
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину продления срока');
  return [
    {
      type: 'DecisionDeadlineExtended',
      data: {
        procedureId,
        decisionId,
        previousDeadline: decision.deadline,
        deadline,
        reason,
        extendedOn: today,
      },
    },
  ];
}
