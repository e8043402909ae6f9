import type { CommandContext } from '../../shared';
import type { RemindOfWindow } from '../commands';
import type { ProcedureEvent } from '../events';
import { timerTarget } from '../rules';
import type { ProcedureState } from '../state';

/** Before the window opens the responsible is told to prepare, once per reminder; a stale timer records nothing. */
export function remindOfWindow(
  command: RemindOfWindow,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, from, daysBefore, dueAt } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  if (!current || current.status !== 'scheduled' || current.window.from !== from) return [];
  if ((current.preparationsSent ?? []).some((p) => p.from === from && p.daysBefore === daysBefore)) return [];
  return [
    {
      type: 'WindowApproaching',
      data: { procedureId, window: current.window, daysBefore, responsible: current.responsible },
    },
  ];
}
