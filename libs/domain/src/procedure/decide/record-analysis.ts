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

/** The analysis; a procedure whose results end in a document closes with it, without a meeting. */
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
  const analysed: ProcedureEvent = {
    type: 'AnalysisRecorded',
    data: {
      procedureId,
      analysedOn,
      document: reference === undefined ? { title } : { title, reference },
      findings,
      figures,
    },
  };
  if (performed.resultUse !== 'document') return [analysed];
  // The results end in a document (information for the site, the paperwork, a list): nothing goes to a meeting.
  const { resultForm } = performed;
  return [
    analysed,
    {
      type: 'ProcedureClosed',
      data: { procedureId, withoutMeeting: resultForm === undefined ? {} : { resultForm } },
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
