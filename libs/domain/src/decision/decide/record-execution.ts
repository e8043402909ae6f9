import type { CommandContext } from '../../shared';
import { optionalText, requireNotBefore, requirePastFact, schoolToday } from '../../procedure/rules';
import { earliestDayOf } from '../../meeting/values';
import type { RecordDecisionExecution } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, fail, requireExecutorOrAdministration } from '../rules';
import type { DecisionState } from '../state';

/**
 * The decision is reported done. A decision that requires evidence is not, until evidence is attached; late
 * execution is still execution.
 */
export function recordDecisionExecution(
  command: RecordDecisionExecution,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = decisionStep(state, decisionId, ctx, ['open', 'reopened'], 'Отметить исполнение решения');
  requireExecutorOrAdministration(ctx, current.executors, 'Отметить исполнение решения');
  const executedOn = requirePastFact(
    command.data.executedOn,
    'Дата исполнения',
    schoolToday(ctx, current.timeZone),
  );
  const by = current.adoptedBy;
  const adopted = by.kind === 'meeting' ? earliestDayOf(by.date) : by.date;
  if (adopted !== null) {
    requireNotBefore(
      executedOn,
      adopted,
      'DATE_BEFORE_ADOPTION',
      'Решение не могло быть исполнено раньше, чем его приняли',
    );
  }
  const attached = current.evidence.map((e) => e.evidenceId);
  const evidenceIds = command.data.evidenceIds ?? attached;
  const unknown = evidenceIds.filter((id) => !attached.includes(id));
  if (unknown.length > 0) {
    fail('EVIDENCE_UNKNOWN', `Подтверждения ${unknown.join(', ')} к решению не приложены`, { unknown });
  }
  if (current.evidenceRequired && evidenceIds.length === 0) {
    fail(
      'EVIDENCE_REQUIRED',
      'Решение требует подтверждения: приложите файл или ссылку, затем отметьте исполнение',
    );
  }
  const note = optionalText(command.data.note);
  return [
    {
      type: 'DecisionExecutionRecorded',
      data: {
        decisionId,
        executedOn,
        evidenceIds: [...evidenceIds],
        ...(note !== undefined ? { note } : {}),
      },
    },
  ];
}
