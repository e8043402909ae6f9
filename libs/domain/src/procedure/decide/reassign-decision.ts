import type { CommandContext } from '../../shared';
import type { ReassignProcedureDecision } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  findDecision,
  inStage,
  requireAdministrator,
  requireOpen,
  requireResponsible,
  requireSchool,
  requireText,
} from '../rules';
import type { ProcedureState } from '../state';
import type { Responsible } from '../values';

const same = (a: Responsible, b: Responsible) =>
  a.role === b.role && a.personId === b.personId && a.name === b.name;

/**
 * Handing over a decision kept on its procedure (adopted before decisions were records of their own): while it is
 * open, the administration gives it to another responsible with a reason. Nothing is recorded when it already is
 * theirs.
 */
export function reassignProcedureDecision(
  command: ReassignProcedureDecision,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireAdministrator(ctx, 'Передать решение другому ответственному');
  const following = inStage(current, ['following-up'], 'передать решение');
  const decision = requireOpen(findDecision(following, decisionId));
  const responsible = requireResponsible(
    command.data.responsible,
    'RESPONSIBLE_REQUIRED',
    'Укажите, кому передаётся решение: имя ответственного',
  );
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину передачи решения');
  if (same(responsible, decision.responsible)) return [];
  return [
    {
      type: 'ProcedureDecisionReassigned',
      data: { procedureId, decisionId, previous: decision.responsible, responsible, reason },
    },
  ];
}
