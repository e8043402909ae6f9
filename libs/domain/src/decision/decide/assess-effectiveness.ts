import type { CommandContext } from '../../shared';
import {
  optionalText,
  requireNotBefore,
  requirePastFact,
  requireText,
  schoolToday,
} from '../../procedure/rules';
import type { AssessEffectiveness } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, fail, requireAdministration } from '../rules';
import type { DecisionState } from '../state';
import { VERDICTS } from '../values';

/**
 * «Анализ эффективности принятых мер»: after execution the administration judges whether it worked, naming
 * the indicator that shows it. «Не эффективно» re-opens the decision.
 */
export function assessEffectiveness(
  command: AssessEffectiveness,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, verdict } = command.data;
  const executed = decisionStep(state, decisionId, ctx, ['executed'], 'Оценить эффективность');
  requireAdministration(ctx, 'Оценить эффективность');
  if (!(VERDICTS as readonly string[]).includes(verdict)) {
    fail('VERDICT_UNKNOWN', 'Оценка: эффективно, частично эффективно или неэффективно');
  }
  const indicator = requireText(
    command.data.indicator,
    'INDICATOR_REQUIRED',
    'Назовите показатель, по которому видна эффективность',
  );
  const assessedOn = requirePastFact(
    command.data.assessedOn,
    'Дата оценки',
    schoolToday(ctx, executed.timeZone),
  );
  const last = executed.executions[executed.executions.length - 1];
  if (last)
    requireNotBefore(
      assessedOn,
      last.executedOn,
      'DATE_BEFORE_EXECUTION',
      'Эффективность оценивают после исполнения',
    );
  const note = optionalText(command.data.note);
  return [
    {
      type: 'EffectivenessAssessed',
      data: { decisionId, verdict, indicator, assessedOn, ...(note !== undefined ? { note } : {}) },
    },
  ];
}
