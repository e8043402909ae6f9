import type { CommandContext } from '../../shared';
import type { CloseProcedure } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, procedureStep } from '../rules';
import type { ProcedureState } from '../state';

/** Closing needs every decision executed or cancelled, or a meeting that needed no decision at all. */
export function closeProcedure(
  command: CloseProcedure,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const following = procedureStep(state, procedureId, ctx, ['following-up'], 'Закрыть процедуру');
  const open = following.followUp.decisions.filter((d) => d.status === 'open');
  if (open.length > 0) {
    fail(
      'DECISIONS_UNRESOLVED',
      `Нельзя закрыть процедуру: не исполнены и не отменены решения ${open.map((d) => `«${d.wording}»`).join(', ')}`,
      { decisionIds: open.map((d) => d.decisionId) },
    );
  }
  return [{ type: 'ProcedureClosed', data: { procedureId } }];
}
