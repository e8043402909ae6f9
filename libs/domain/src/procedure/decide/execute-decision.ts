import type { CommandContext } from '../../shared';
import type { ExecuteDecision } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  findDecision,
  inStage,
  optionalText,
  requireNotBefore,
  requireOpen,
  requirePastFact,
  requireResponsibleOrAdministrator,
  requireSchool,
  requireText,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

/** The person answering for the decision reports it done, with proof; late execution is still execution. */
export function executeDecision(
  command: ExecuteDecision,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId, evidence } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  const following = inStage(current, ['following-up'], 'отметить исполнение решения');
  const decision = findDecision(following, decisionId);
  requireResponsibleOrAdministrator(ctx, decision.responsible, 'Отметить исполнение решения');
  requireOpen(decision);
  const today = schoolToday(ctx, following.timeZone);
  const executedOn = requirePastFact(command.data.executedOn, 'Дата исполнения', today);
  requireNotBefore(
    executedOn,
    following.discussion.heldOn,
    'DATE_BEFORE_MEETING',
    'Решение не могло быть исполнено раньше заседания, на котором его приняли',
  );
  const description = requireText(
    evidence?.description,
    'EVIDENCE_REQUIRED',
    'Опишите подтверждение исполнения: приказ, справку, протокол…',
  );
  const title = optionalText(evidence.document?.title);
  const reference = optionalText(evidence.document?.reference);
  const document =
    title === undefined ? undefined : reference === undefined ? { title } : { title, reference };
  return [
    {
      type: 'DecisionExecuted',
      data: {
        procedureId,
        decisionId,
        executedOn,
        evidence: document === undefined ? { description } : { description, document },
      },
    },
  ];
}
