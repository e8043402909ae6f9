import type { CommandContext } from '../../shared';
import type { RemindOfDecision } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, findDecision, requireDate, timerTarget } from '../rules';
import type { ProcedureState } from '../state';

/** Once per decision, deadline in force and number of days before it; never after the deadline was missed. */
export function remindOfDecision(
  command: RemindOfDecision,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId, daysBefore, dueAt } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  const deadline = requireDate(command.data.deadline, 'Срок решения');
  if (!Number.isInteger(daysBefore) || daysBefore < 0) {
    fail('TIMER_INVALID', `Напоминание за ${String(daysBefore)} дн.: нужно целое неотрицательное число`);
  }
  if (!current || current.status !== 'following-up') return [];
  const decision = findDecision(current, decisionId);
  const stale =
    decision.status !== 'open' ||
    decision.deadline !== deadline ||
    decision.overdue ||
    decision.remindersSent.some((r) => r.deadline === deadline && r.daysBefore === daysBefore);
  if (stale) return [];
  const { wording, responsible } = decision;
  return [
    {
      type: 'DecisionReminderDue',
      data: { procedureId, decisionId, wording, deadline, daysBefore, responsible },
    },
  ];
}
