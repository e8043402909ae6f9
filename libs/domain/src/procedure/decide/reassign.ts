import type { CommandContext } from '../../shared';
import type { ReassignProcedure } from '../commands';
import type { ProcedureEvent } from '../events';
import { active, requireAdministrator, requireResponsible, requireSchool, requireText } from '../rules';
import type { ProcedureState } from '../state';

const same = (a: { role?: string; personId?: string; name: string }, b: typeof a) =>
  a.role === b.role && a.personId === b.personId && a.name === b.name;

/**
 * Handing over: while the procedure is open, the administration gives it to another responsible with a reason
 * (its responsible left or changed position). Nothing is recorded when it already is theirs.
 */
export function reassignProcedure(
  command: ReassignProcedure,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireAdministrator(ctx, 'Передать процедуру другому ответственному');
  const responsible = requireResponsible(
    command.data.responsible,
    'RESPONSIBLE_REQUIRED',
    'Укажите, кому передаётся процедура: имя ответственного',
  );
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину передачи процедуры');
  if (same(responsible, current.responsible)) return [];
  return [
    {
      type: 'ProcedureReassigned',
      data: { procedureId, previous: current.responsible, responsible, reason },
    },
  ];
}
