import { addYears } from '../../shared';
import { academicYearBounds, isIsoDate } from '../../procedure/calendar';
import { MAX_DEADLINE_YEARS, optionalText, ruDate } from '../../procedure/rules';
import { endOfMonth, isMonth } from '../calendar';
import { CHECK_IN_PERIODS, type Deadline, type DecisionDeadline } from '../values';
import { fail } from './fail';

/**
 * A deadline in one of its shapes, checked and normalised: a range is due at the end of its last month; nothing
 * is due before the decision was adopted (`earliest`, unknown for an undated meeting) nor more than two years
 * after it. The text as written is kept as it came, trimmed.
 */
export function requireDecisionDeadline(value: Deadline | undefined, earliest: string | null): Deadline {
  const asWritten = optionalText(value?.asWritten);
  const parsed = requireParsed(value?.parsed, earliest);
  return asWritten === undefined ? { parsed } : { asWritten, parsed };
}

function requireParsed(value: DecisionDeadline | undefined, earliest: string | null): DecisionDeadline {
  switch (value?.kind) {
    case 'date':
      if (!isIsoDate(String(value.due))) invalid('срок — дата ГГГГ-ММ-ДД');
      return { kind: 'date', due: inRange(value.due, earliest) };
    case 'months': {
      if (!isMonth(value.from) || !isMonth(value.to) || value.from > value.to) {
        invalid('период — месяцы ГГГГ-ММ, начало не позже конца');
      }
      return { kind: 'months', from: value.from, to: value.to, due: inRange(endOfMonth(value.to), earliest) };
    }
    case 'year': {
      const year = academicYearBounds(String(value.academicYear));
      if (!year) return fail('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
      const due = String(value.due);
      if (!isIsoDate(due) || due < year.from || due > year.to) {
        invalid(`срок «в течение года» — день внутри учебного года ${value.academicYear}`);
      }
      const checkIns = Array.isArray(value.checkIns) ? value.checkIns : [];
      const ordered = checkIns.every(
        (d, i) => isIsoDate(String(d)) && d >= year.from && d <= due && (i === 0 || checkIns[i - 1] < d),
      );
      if (!ordered) invalid('контрольные точки — дни учебного года по порядку, не позже срока');
      return {
        kind: 'year',
        academicYear: value.academicYear,
        due: inRange(due, earliest),
        checkIns: [...checkIns],
      };
    }
    case 'standing':
      if (!(CHECK_IN_PERIODS as readonly string[]).includes(value.every) || !isIsoDate(String(value.from))) {
        invalid('постоянное решение: периодичность (неделя или месяц) и день, с которого она считается');
      }
      return { kind: 'standing', every: value.every, from: value.from };
    case 'none':
      return { kind: 'none' };
    default:
      return invalid('срок: дата, месяцы, «в течение года», «постоянно» или «без срока»');
  }
}

function invalid(what: string): never {
  return fail('DEADLINE_INVALID', `Срок исполнения не распознан: ${what}`);
}

function inRange(due: string, earliest: string | null): string {
  if (earliest === null) return due;
  if (due < earliest) {
    fail(
      'DEADLINE_BEFORE_ADOPTION',
      `Срок исполнения (${ruDate(due)}) раньше принятия решения (${ruDate(earliest)})`,
    );
  }
  const latest = addYears(earliest, MAX_DEADLINE_YEARS);
  if (due > latest) {
    fail(
      'DEADLINE_TOO_FAR',
      `Срок исполнения (${ruDate(due)}) дальше чем через ${MAX_DEADLINE_YEARS} года: не позже ${ruDate(latest)}`,
    );
  }
  return due;
}

/** The day the decision falls due as a whole; none for standing decisions and decisions without a deadline. */
export function dueDateOf(deadline: DecisionDeadline): string | null {
  return deadline.kind === 'date' || deadline.kind === 'months' || deadline.kind === 'year'
    ? deadline.due
    : null;
}
