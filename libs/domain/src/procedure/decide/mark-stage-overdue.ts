import type { CommandContext } from '../../shared';
import type { MarkStageOverdue } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, requireDate, timerTarget } from '../rules';
import { pendingStage } from '../stages';
import type { ProcedureState } from '../state';
import { STAGES } from '../values';

/** The stage the procedure waits for was not done by the end of its due day. */
export function markStageOverdue(
  command: MarkStageOverdue,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, stage, dueAt } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  if (!(STAGES as readonly string[]).includes(stage))
    fail('TIMER_INVALID', `Неизвестный этап «${String(stage)}»`);
  const dueDate = requireDate(command.data.dueDate, 'Срок этапа');
  if (!current || pendingStage(current) !== stage) return [];
  if (stage === 'performance' && dueDate !== current.window.to) return [];
  if (current.overdueStages[stage]?.dueDate === dueDate) return [];
  return [{ type: 'StageOverdue', data: { procedureId, stage, dueDate, responsible: current.responsible } }];
}
