import type { CommandContext } from '../../shared';
import {
  optionalText,
  requireNotBefore,
  requirePastFact,
  requireText,
  requireWindow,
  schoolToday,
} from '../../procedure/rules';
import type { AssessEffectiveness } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, fail, requireAdministration } from '../rules';
import type { DecisionState, ExecutedDecision } from '../state';
import { VERDICTS, type RecheckRequest, type RecheckSchedule } from '../values';
import { academicYearBounds, academicYearOf, isIsoDate } from '../../procedure/calendar';
import { addDays } from '../../shared';

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
  if (command.data.recheck?.window !== undefined) requireRecheckWindowUse(verdict, command.data.recheck);
  const rechecks =
    verdict === 'not-effective' ? rechecksOf(executed, command.data.recheck, assessedOn, ctx) : [];
  return [
    {
      type: 'EffectivenessAssessed',
      data: {
        decisionId,
        verdict,
        indicator,
        assessedOn,
        ...(note !== undefined ? { note } : {}),
        ...(rechecks.length > 0 ? { rechecks } : {}),
      },
    },
  ];
}

/** A re-check window is the director's choice for the re-checks «не эффективно» asks for, and for nothing else. */
function requireRecheckWindowUse(verdict: string, request: RecheckRequest): void {
  if (verdict !== 'not-effective') {
    fail('RECHECK_WINDOW_UNEXPECTED', 'Срок повторной проверки задают только при оценке «неэффективно»');
  }
  if (request.of.length === 0) {
    fail(
      'RECHECK_WINDOW_WITHOUT_PROCEDURES',
      'Решение не связано ни с одной действующей процедурой: повторная проверка не назначается, срок для неё не нужен',
    );
  }
}

/** Days a re-check runs from the assessment when no window is given: about a month, as a term's control does. */
const RECHECK_DAYS = 30;

/**
 * One re-check per linked procedure, as the procedure's own re-check child is scheduled: its title, direction and
 * method, its responsible, the decision's school, year and time zone. Ids derive from the decision and the number
 * of the assessment, so a repeated command or a later «не эффективно» never collides.
 */
function rechecksOf(
  decision: ExecutedDecision,
  request: RecheckRequest | undefined,
  assessedOn: string,
  ctx: CommandContext,
): RecheckSchedule[] {
  const parents = request?.of ?? [];
  if (parents.length === 0) return [];
  // The re-check belongs to the year it runs in: judged after the decision's year ended (an August review of
  // last year's measures), it is this year's work.
  const from = request?.window?.from;
  const academicYear = academicYearOf(typeof from === 'string' && isIsoDate(from) ? from : assessedOn);
  const year = academicYearBounds(academicYear);
  const until = addDays(assessedOn, RECHECK_DAYS);
  const window = requireWindow(
    request?.window ?? { from: assessedOn, to: year && until > year.to ? year.to : until },
    academicYear,
  );
  requireNotBefore(
    window.to,
    assessedOn,
    'RECHECK_WINDOW_BEFORE_ASSESSMENT',
    'Повторная проверка не может закончиться раньше оценки эффективности',
  );
  const round = decision.assessments.length + 1;
  return parents.map((p, i) => ({
    procedureId: recheckId(decision.decisionId, round, parents.length > 1 ? i + 1 : 0),
    schoolId: ctx.schoolId,
    academicYear,
    title: `Повторная проверка: ${p.title}`,
    direction: p.direction,
    ...(p.indicator !== undefined ? { indicator: p.indicator } : {}),
    ...(p.object !== undefined ? { object: p.object } : {}),
    ...(p.method !== undefined ? { method: p.method } : {}),
    ...(p.resultForm !== undefined ? { resultForm: p.resultForm } : {}),
    responsible: p.responsible,
    window,
    timeZone: decision.timeZone,
    parentProcedureId: p.procedureId,
  }));
}

/** Within the 64 characters an id may have: the decision id's end is kept when the whole would not fit. */
function recheckId(decisionId: string, round: number, index: number): string {
  const suffix = `-recheck-${round}${index > 0 ? `-${index}` : ''}`;
  return `${decisionId.slice(-(64 - suffix.length))}${suffix}`;
}
