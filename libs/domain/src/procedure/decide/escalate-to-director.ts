import type { CommandContext } from '../../shared';
import type { EscalateToDirector } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, findDecision, requireDate, timerTarget } from '../rules';
import { pendingStage } from '../stages';
import type { ActiveProcedure, ProcedureState } from '../state';
import type { OverdueSubject, Responsible } from '../values';

/** A recorded lateness still unresolved after the grace period goes to the director, once. */
export function escalateToDirector(
  command: EscalateToDirector,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, subject, dueAt } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  const checked = checkedSubject(subject);
  if (!current) return [];
  const responsible = stillLate(current, checked);
  return responsible
    ? [{ type: 'EscalatedToDirector', data: { procedureId, subject: checked, responsible } }]
    : [];
}

function checkedSubject(subject: OverdueSubject): OverdueSubject {
  if (subject?.kind === 'stage') {
    return { kind: 'stage', stage: subject.stage, dueDate: requireDate(subject.dueDate, 'Срок этапа') };
  }
  if (subject?.kind === 'decision') {
    return {
      kind: 'decision',
      decisionId: subject.decisionId,
      deadline: requireDate(subject.deadline, 'Срок решения'),
    };
  }
  return fail('TIMER_INVALID', 'Эскалация должна называть просроченный этап или решение');
}

/** Who is late, if the subject is still overdue and not yet escalated. */
function stillLate(state: ActiveProcedure, subject: OverdueSubject): Responsible | null {
  if (subject.kind === 'stage') {
    const flag = state.overdueStages[subject.stage];
    const late =
      pendingStage(state) === subject.stage && flag?.dueDate === subject.dueDate && !flag.escalated;
    return late ? state.responsible : null;
  }
  if (state.status !== 'following-up') return null;
  const decision = findDecision(state, subject.decisionId);
  const late =
    decision.status === 'open' &&
    decision.deadline === subject.deadline &&
    decision.overdue &&
    !decision.escalated;
  return late ? decision.responsible : null;
}
