import type { CommandContext } from '../../shared';
import type { CancelProcedure } from '../commands';
import type { ProcedureEvent } from '../events';
import { active, requireAdministratorOrIntegration, requireSchool, requireText } from '../rules';
import type { ProcedureState } from '../state';

/** At any stage, with a reason; open decisions stay as they were and the procedure accepts nothing more. */
export function cancelProcedure(
  command: CancelProcedure,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireAdministratorOrIntegration(ctx, 'Отменить процедуру');
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину отмены процедуры');
  return [{ type: 'ProcedureCancelled', data: { procedureId, reason, cancelledInStatus: current.status } }];
}
