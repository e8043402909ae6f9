import type { CommandContext } from '../../shared';
import type { AdoptDecisions, NoteResultsWithoutDecision } from '../commands';
import type { AdoptedDecision, ProcedureEvent } from '../events';
import {
  fail,
  optionalText,
  procedureStep,
  requireDeadline,
  requireResponsible,
  requireText,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

/**
 * The decisions of the meeting that discussed the results. More may be added while they are followed up
 * (a decision left out of the first entry), each with an id never used before in the procedure.
 */
export function adoptDecisions(
  command: AdoptDecisions,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const discussed = procedureStep(state, procedureId, ctx, ['discussed', 'following-up'], 'Записать решения');
  if (!Array.isArray(command.data.decisions) || command.data.decisions.length === 0) {
    fail(
      'DECISIONS_REQUIRED',
      'Укажите хотя бы одно решение или отметьте, что результаты приняты к сведению без решений',
    );
  }
  const taken = new Set(
    discussed.status === 'following-up' ? discussed.followUp.decisions.map((d) => d.decisionId) : [],
  );
  const decisions = command.data.decisions.map((d, i): AdoptedDecision => {
    const decisionId = requireText(
      d?.decisionId,
      'DECISION_ID_REQUIRED',
      `У решения №${i + 1} нет идентификатора`,
    );
    if (taken.has(decisionId)) {
      fail('DECISION_ID_DUPLICATE', `Решение с идентификатором ${decisionId} в этой процедуре уже есть`, {
        decisionId,
      });
    }
    taken.add(decisionId);
    return {
      decisionId,
      wording: requireText(d.wording, 'DECISION_WORDING_REQUIRED', `Сформулируйте решение №${i + 1}`),
      deadline: requireDeadline(d.deadline, discussed.discussion.heldOn, `Срок исполнения решения №${i + 1}`),
      responsible: requireResponsible(
        d.responsible,
        'RESPONSIBLE_REQUIRED',
        `Укажите ответственного за решение №${i + 1}`,
      ),
    };
  });
  return [
    {
      type: 'DecisionsAdopted',
      data: {
        procedureId,
        meeting: discussed.discussion,
        decisions,
        recordedOn: schoolToday(ctx, discussed.timeZone),
      },
    },
  ];
}

/** «Принять к сведению»: the meeting needed no decision, and the procedure may be closed. */
export function noteResultsWithoutDecision(
  command: NoteResultsWithoutDecision,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const discussed = procedureStep(
    state,
    procedureId,
    ctx,
    ['discussed'],
    'Отметить, что решений не требуется,',
  );
  const note = optionalText(command.data.note);
  return [
    {
      type: 'ResultsNotedWithoutDecision',
      data: { procedureId, meeting: discussed.discussion, ...(note === undefined ? {} : { note }) },
    },
  ];
}
