import { academicYearBounds, endOfMonth, type Deadline, type DecisionDeadline } from '@vsoko/domain';
import { isoDate, lastDayOf, monthOf } from './months';
import { normalisePhrase, parseDeadline } from './parse-deadline';
import { resolvePeriod, type PeriodCalendar } from './periods';

/**
 * When and where a decision was adopted, which is what a deadline phrase is read against: «октябрь» written at
 * a February meeting is the coming October, «в течение года» is the meeting's academic year.
 */
export interface DeadlineContext {
  academicYear: string;
  /** The first day the decision may have been adopted (a month-only meeting: its first day); absent if unknown. */
  adoptedOn?: string;
  /**
   * The school's calendar for the year, or the shipped default standing in for it (ADR 0016): terms in a phrase
   * («в течение года», «до конца четверти», «ежечетвертно») are its terms. Without one, terms are month spans.
   */
  calendar?: PeriodCalendar;
}

export interface ParsedDecisionDeadline {
  /** The text as written beside what it was taken to mean. */
  deadline: Deadline;
  /** False when the phrase was not understood: the decision is kept «без срока» for the director to set. */
  recognised: boolean;
  warnings: string[];
}

const NONE = /^(-+|—|без срока|бессрочно|нет|не указан)$/;
const WEEKLY = /еженедельн/;
const STANDING = /постоянн|по мере (поступления|необходимости)|систематическ|регулярн|ежемесячн|ежедневн/;
const WHOLE_YEAR =
  /в течени[еи]\s+(всего\s+)?(учебного\s+)?года|весь\s+(учебный\s+)?год|круглогодичн|в течение уч\.?\s*г/;
/** «ежечетвертно», «ежеквартально», «по итогам каждой четверти», «каждый триместр»: a check-in at every term's end. */
const EVERY_TERM =
  /ежечетвертн|ежеквартальн|ежетриместров|кажд(ая|ую|ой|ый|ого)\s+(четверт|триместр)|по\s+итогам\s+(четвертей|триместров)/;
/** «до конца четверти», «к концу триместра», «по итогам полугодия»: the period under way when it was adopted. */
const CURRENT_PERIOD =
  /^(до\s+конца|к\s+концу|в\s+конце|по\s+итогам|по\s+окончании)\s+(текущей\s+|текущего\s+|этой\s+|этого\s+)?(четверти|триместра|полугодия)$/;

/** Seed 002's deadline cells and their like: a date, months, the whole year, standing, or none. */
export function parseDecisionDeadline(text: string, context: DeadlineContext): ParsedDecisionDeadline {
  const bounds = academicYearBounds(context.academicYear);
  if (!bounds) throw new Error(`academic year «${context.academicYear}» is not like 2023/24`);
  const asWritten = text.replace(/\s+/g, ' ').trim();
  const phrase = normalisePhrase(text);
  const adoptedOn = context.adoptedOn ?? bounds.from;
  const start = Number(context.academicYear.slice(0, 4));
  const found = (parsed: DecisionDeadline, warnings: string[] = []): ParsedDecisionDeadline => ({
    deadline: asWritten === '' ? { parsed } : { asWritten, parsed },
    recognised: true,
    warnings,
  });

  if (phrase === '' || NONE.test(phrase)) return found({ kind: 'none' });
  if (WEEKLY.test(phrase)) return found({ kind: 'standing', every: 'week', from: adoptedOn });
  if (STANDING.test(phrase)) return found({ kind: 'standing', every: 'month', from: adoptedOn });
  if (WHOLE_YEAR.test(phrase) || EVERY_TERM.test(phrase)) {
    const terms = termsOf(start, context.calendar);
    const ends = terms.windows.map((w) => w.to);
    const due = ends[ends.length - 1];
    return found(
      {
        kind: 'year',
        academicYear: context.academicYear,
        due,
        checkIns: ends.filter((d) => d < due && d > adoptedOn),
      },
      terms.warnings,
    );
  }
  const current = CURRENT_PERIOD.exec(phrase);
  if (current) {
    const periods = resolvePeriod(current[3], start, context.calendar);
    const under = periods?.windows.find((w) => w.to >= adoptedOn);
    if (periods && under) {
      return found({ kind: 'date', due: under.to }, [...periods.warnings, ...sourceWarning(periods.source)]);
    }
  }
  const months = byMonths(phrase, adoptedOn);
  if (months) return found(months.parsed, months.warnings);

  // Dates and school periods («до 15.09», «до конца I четверти», «2 триместр») as the plan import reads them.
  const planned = parseDeadline(text, context.academicYear, context.calendar);
  if (planned.kind === 'window' || planned.kind === 'occurrences') {
    const due = planned.windows[planned.windows.length - 1].to;
    const warnings = [...planned.warnings];
    if (planned.kind === 'occurrences') warnings.push(`Несколько сроков в «${asWritten}»: взят последний`);
    return found({ kind: 'date', due }, warnings);
  }
  return {
    deadline: { asWritten, parsed: { kind: 'none' } },
    recognised: false,
    warnings: [`Срок «${asWritten}» не распознан: решение записано без срока, директору нужно его указать`],
  };
}

/** The year's terms: the calendar's (quarters or trimesters), else the four quarters as months. */
function termsOf(start: number, calendar: PeriodCalendar | undefined) {
  const kind = calendar?.calendar.termKind === 'trimester' ? 'триместр' : 'четверть';
  const terms = resolvePeriod(kind, start, calendar)!;
  return { windows: terms.windows, warnings: [...terms.warnings, ...sourceWarning(terms.source)] };
}

/**
 * Terms read as months, with no calendar at all for the year: the director should check the date they gave. The
 * shipped default calendar (ADR 0016) stands in for the school's without a word, as in a plan's rows.
 */
function sourceWarning(source: 'school' | 'default' | 'months'): string[] {
  return source === 'months' ? ['Календаря на этот учебный год нет: четверти взяты по месяцам'] : [];
}

interface MonthWord {
  month: number;
  year?: number;
  /** Text between the previous month word and this one. */
  before: string;
}

function monthWords(phrase: string): MonthWord[] {
  const words: MonthWord[] = [];
  let last = 0;
  for (const m of phrase.matchAll(/[a-zа-я]+\.?/g)) {
    const month = monthOf(m[0]);
    if (month === undefined) continue;
    const end = m.index! + m[0].length;
    const year = /^\s*(\d{4})\s*(г\.?|года?)?/.exec(phrase.slice(end));
    words.push({ month, before: phrase.slice(last, m.index), ...(year ? { year: Number(year[1]) } : {}) });
    last = end + (year ? year[0].length : 0);
  }
  return words;
}

/**
 * «Октябрь-декабрь 2023г», «Сентябрь- ноябрь2023г», «Июнь-август 2024г», «октябрь»: due at the end of the
 * last month. A year written anywhere fixes the range's end; without one, the range is the first one that
 * does not end before the decision was adopted.
 */
function byMonths(
  phrase: string,
  adoptedOn: string,
): { parsed: DecisionDeadline; warnings: string[] } | null {
  const words = monthWords(phrase);
  if (words.length === 0 || /\d{1,2}\.\d{1,2}/.test(phrase)) return null;
  const warnings: string[] = [];
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length > 2 || (words.length === 2 && !/^\s*[-–—]\s*$|^\s*по\s*$/.test(last.before))) {
    warnings.push('Срок перечисляет несколько месяцев: взят период от первого до последнего');
  }
  const stated = last.year ?? first.year;
  let endYear: number;
  if (stated !== undefined) {
    endYear = last.year ?? (last.month >= first.month ? stated : stated + 1);
  } else {
    const adopted = Number(adoptedOn.slice(0, 4));
    const adoptedMonth = Number(adoptedOn.slice(5, 7));
    endYear = last.month >= adoptedMonth ? adopted : adopted + 1;
  }
  const startYear = first.year ?? (first.month <= last.month ? endYear : endYear - 1);
  const from = isoDate(startYear, first.month, 1).slice(0, 7);
  const to = isoDate(endYear, last.month, lastDayOf(endYear, last.month)).slice(0, 7);
  if (from > to) return null;
  if (endOfMonth(to) < adoptedOn) warnings.push('Срок раньше заседания, на котором принято решение');
  return { parsed: { kind: 'months', from, to, due: endOfMonth(to) }, warnings };
}
