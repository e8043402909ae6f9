import type { CommandContext } from '../../shared';
import type { EscalateToDirector } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, findDecision, requireDate, timerTarget } from '../rules';
import { pendingStage } from '../stages';
import type { ActiveProcedure, ProcedureState } from '../state';
import type { OverdueSubject, Responsible } from '../values';

/**
 * A recorded lateness still unresolved goes on: without a step (procedures scheduled before chains) to the
 * director once after the grace period; with a chain, step k to its addressee, once and in order.
 */
export function escalateToDirector(
  command: EscalateToDirector,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, subject, dueAt, step, to } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  const checked = checkedSubject(subject);
  if (!current) return [];
  if (step !== undefined && to === undefined) return [];
  const responsible = stillLate(current, checked, step);
  if (!responsible) return [];
  return [
    {
      type: 'EscalatedToDirector',
      data: { procedureId, subject: checked, responsible, ...(step !== undefined ? { step, to } : {}) },
    },
  ];
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

/** Who is late, if the subject is still overdue and this step (or the single escalation) is not yet taken. */
function stillLate(state: ActiveProcedure, subject: OverdueSubject, step?: number): Responsible | null {
  const due = (flag: { escalated: boolean; escalations?: number }) =>
    step === undefined ? !flag.escalated : (flag.escalations ?? (flag.escalated ? 1 : 0)) === step;
  if (subject.kind === 'stage') {
    const flag = state.overdueStages[subject.stage];
    const late = pendingStage(state) === subject.stage && flag?.dueDate === subject.dueDate && due(flag);
    return late ? state.responsible : null;
  }
  if (state.status !== 'following-up') return null;
  const decision = findDecision(state, subject.decisionId);
  const late =
    decision.status === 'open' && decision.deadline === subject.deadline && decision.overdue && due(decision);
  return late ? decision.responsible : null;
}
