import { academicYearBounds, isIsoDate } from '../../procedure/calendar';
import { fail } from '../../procedure/rules';
import { DAY_OFF_KINDS, TERM_KINDS, type SchoolCalendar } from './values';

export const CALENDAR_LIMITS = { maxDaysOff: 60, maxWorkingWeekends: 10, maxNameLength: 200 } as const;

const TERMS_PER_KIND = { quarter: 4, trimester: 3 } as const;

/**
 * A calendar the timers can trust: terms numbered in order inside the academic year, days off as real
 * windows inside it, working weekends that are weekends. A refusal names what is wrong, in Russian.
 */
export function requireCalendar(calendar: SchoolCalendar, academicYear: string): void {
  const year = academicYearBounds(academicYear);
  if (!year) fail('ACADEMIC_YEAR_INVALID', `Учебный год «${academicYear}» не распознан: ожидается «2025/26»`);
  const invalid = (message: string): never => fail('CALENDAR_INVALID', message);
  if (calendar.academicYear !== academicYear)
    invalid(`Календарь на ${calendar.academicYear} нельзя сохранить как календарь на ${academicYear}`);
  if (!TERM_KINDS.includes(calendar.termKind)) invalid('Деление года: четверти или триместры');
  if (calendar.weekDays !== 5 && calendar.weekDays !== 6) invalid('Учебная неделя: пять или шесть дней');
  const inYear = (from: string, to: string) =>
    isIsoDate(from) && isIsoDate(to) && from <= to && from >= year.from && to <= year.to;

  const expected = TERMS_PER_KIND[calendar.termKind];
  if (!Array.isArray(calendar.terms) || calendar.terms.length !== expected) {
    invalid(calendar.termKind === 'quarter' ? 'Укажите четыре четверти' : 'Укажите три триместра');
  }
  calendar.terms.forEach((term, i) => {
    if (term.number !== i + 1) invalid('Четверти (триместры) нумеруются по порядку с 1');
    if (!inYear(term.from, term.to))
      invalid(`${term.number}-я четверть (триместр): даты вне учебного года или конец раньше начала`);
    const previous = calendar.terms[i - 1];
    if (previous && previous.to >= term.from)
      invalid(`${term.number}-я четверть (триместр) начинается раньше, чем кончается предыдущая`);
  });

  const { maxDaysOff, maxWorkingWeekends, maxNameLength } = CALENDAR_LIMITS;
  if (!Array.isArray(calendar.daysOff) || calendar.daysOff.length > maxDaysOff)
    invalid(`Не больше ${maxDaysOff} периодов каникул и праздников`);
  for (const off of calendar.daysOff) {
    if (!DAY_OFF_KINDS.includes(off.kind)) invalid('Вид выходных: каникулы, праздник или перенос');
    if (typeof off.name !== 'string' || !off.name.trim() || off.name.length > maxNameLength)
      invalid(`Название каникул или праздника — от 1 до ${maxNameLength} символов`);
    if (!inYear(off.from, off.to)) invalid(`«${off.name}»: даты вне учебного года или конец раньше начала`);
  }
  if (!Array.isArray(calendar.workingWeekends) || calendar.workingWeekends.length > maxWorkingWeekends)
    invalid(`Не больше ${maxWorkingWeekends} рабочих суббот и воскресений`);
  for (const day of calendar.workingWeekends) {
    const weekDay = isIsoDate(day) ? new Date(`${day}T00:00:00Z`).getUTCDay() : -1;
    if (!inYear(day, day) || (weekDay !== 0 && weekDay !== 6))
      invalid(`Рабочий выходной ${day}: это должна быть суббота или воскресенье учебного года`);
  }
}
