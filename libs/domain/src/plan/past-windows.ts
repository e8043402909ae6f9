import { DomainRuleViolation, localDateOf, toIsoInstant } from '../shared';
import { academicYearBounds } from '../procedure/calendar';
import { requireDate, requirePastFact, requireText, ruDate } from '../procedure/rules';
import type { PlannedProcedure } from './events';

/** What became of a row whose window had ended before the plan was approved (the director says). */
export type PastWindowChoice =
  | { action: 'performed'; performedOn: string }
  | { action: 'cancelled'; reason: string }
  | { action: 'overdue' };

/** One choice for every past row, and per row where it differs; rows named nowhere are kept as overdue. */
export interface PastWindowChoices {
  all?: PastWindowChoice;
  rows?: Readonly<Record<string, PastWindowChoice>>;
}

/** A past row as approved: the choice, and for a row kept as overdue the instant its lateness is announced. */
export type PastWindowDecision = PastWindowChoice & { procedureId: string; watchFrom?: string };

/**
 * Kept rows start being watched in groups: at most this many in each interval, so a mid-year import of a plan
 * with dozens of past rows mails its lateness over an hour or two, never in one burst. (The demo seed, imported on
 * 2 December, sent 47 escalations within a second before this.)
 */
export const WATCH_GROUP_SIZE = 5;
export const WATCH_GROUP_INTERVAL_MS = 10 * 60 * 1000;

/** Rows newly added to the plan whose window ended before `today` (the school's date). */
export function pastRows(procedures: readonly PlannedProcedure[], added: readonly string[], today: string) {
  const isNew = new Set(added);
  return procedures.filter((p) => isNew.has(p.procedureId) && p.window.to < today);
}

/**
 * The director's choices applied to the past rows, checked: a performance date is a real past date of the
 * academic year, a cancellation has a reason, a choice names only a past row of this plan. Rows kept as overdue
 * get staggered `watchFrom` instants from the approval's own time, in the order their windows ended.
 */
export function decidePastWindows(
  past: readonly PlannedProcedure[],
  choices: PastWindowChoices | undefined,
  context: { issuedAt: string; timeZone: string; academicYear: string },
): PastWindowDecision[] {
  const pastIds = new Set(past.map((p) => p.procedureId));
  const unknown = Object.keys(choices?.rows ?? {}).filter((id) => !pastIds.has(id));
  if (unknown.length > 0) {
    throw new DomainRuleViolation(
      'PAST_ROW_UNKNOWN',
      `Выбор указан для строк, срок которых ещё не прошёл или которых нет в плане: ${unknown.join(', ')}`,
      { procedureIds: unknown },
    );
  }
  const today = localDateOf(context.issuedAt, context.timeZone);
  const yearStart = academicYearBounds(context.academicYear)?.from ?? '';
  const ordered = [...past].sort((a, b) =>
    a.window.to < b.window.to ? -1 : a.window.to > b.window.to ? 1 : 0,
  );
  let kept = 0;
  return ordered.map((p): PastWindowDecision => {
    const choice = checked(
      choices?.rows?.[p.procedureId] ?? choices?.all ?? { action: 'overdue' },
      today,
      yearStart,
    );
    if (choice.action !== 'overdue') return { procedureId: p.procedureId, ...choice };
    const group = Math.floor(kept++ / WATCH_GROUP_SIZE);
    const watchFrom = toIsoInstant(Date.parse(context.issuedAt) + group * WATCH_GROUP_INTERVAL_MS);
    return { procedureId: p.procedureId, action: 'overdue', watchFrom };
  });
}

function checked(choice: PastWindowChoice, today: string, yearStart: string): PastWindowChoice {
  switch (choice.action) {
    case 'overdue':
      return { action: 'overdue' };
    case 'performed': {
      requireDate(choice.performedOn, 'Дата проведения');
      const performedOn = requirePastFact(choice.performedOn, 'Дата проведения', today);
      if (performedOn < yearStart) {
        throw new DomainRuleViolation(
          'DATE_BEFORE_ACADEMIC_YEAR',
          `Процедура плана не могла пройти до начала учебного года (${ruDate(performedOn)} раньше ${ruDate(yearStart)})`,
        );
      }
      return { action: 'performed', performedOn };
    }
    case 'cancelled':
      return {
        action: 'cancelled',
        reason: requireText(choice.reason, 'REASON_REQUIRED', 'Укажите причину отмены процедуры'),
      };
    default:
      throw new DomainRuleViolation(
        'PAST_CHOICE_UNKNOWN',
        'Для прошедшей строки выберите: проведена (дата), отменена (причина) или оставить просроченной',
      );
  }
}
