import type { CommandContext } from '../../shared';
import type { RecordAnalysis } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  fail,
  optionalText,
  procedureStep,
  requireLines,
  requireNotBefore,
  requirePastFact,
  requireText,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';
import type { Figure } from '../values';

export function recordAnalysis(
  command: RecordAnalysis,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const performed = procedureStep(state, procedureId, ctx, ['performed'], 'Записать результаты анализа');
  const today = schoolToday(ctx, performed.timeZone);
  const analysedOn = requirePastFact(command.data.analysedOn, 'Дата анализа', today);
  requireNotBefore(
    analysedOn,
    performed.performance.performedOn,
    'DATE_BEFORE_PREVIOUS_STAGE',
    'Анализ не может быть раньше проведения процедуры',
  );
  const title = requireText(
    command.data.document?.title,
    'DOCUMENT_TITLE_REQUIRED',
    'Укажите итоговый документ, например «Аналитическая справка по итогам ВПР»',
  );
  const reference = optionalText(command.data.document?.reference);
  const findings = requireLines(command.data.findings, 'FINDINGS_REQUIRED', 'Перечислите выводы анализа');
  const figures = (command.data.figures ?? []).map(figure);
  return [
    {
      type: 'AnalysisRecorded',
      data: {
        procedureId,
        analysedOn,
        document: reference === undefined ? { title } : { title, reference },
        findings,
        figures,
      },
    },
  ];
}

function figure(value: Figure): Figure {
  const indicator = requireText(
    value?.indicator,
    'FIGURE_INVALID',
    'У каждого показателя должно быть название',
  );
  if (typeof value.value !== 'number' || !Number.isFinite(value.value)) {
    fail('FIGURE_INVALID', `Значение показателя «${indicator}» должно быть числом`);
  }
  const unit = optionalText(value.unit);
  return unit === undefined ? { indicator, value: value.value } : { indicator, value: value.value, unit };
}
