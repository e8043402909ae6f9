import { academicYearBounds, isIsoDate } from '../../procedure/calendar';
import { ruDate } from '../../procedure/rules';
import type { MeetingDate } from '../values';
import { fail } from './fail';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A meeting's date of any precision, inside its academic year. */
export function requireMeetingDate(value: MeetingDate | undefined, academicYear: string): MeetingDate {
  const year = academicYearBounds(academicYear);
  if (!year) fail('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
  let day: string;
  let date: MeetingDate;
  if (value?.precision === 'day' && typeof value.date === 'string' && isIsoDate(value.date)) {
    date = { precision: 'day', date: value.date };
    day = value.date;
  } else if (value?.precision === 'month' && typeof value.month === 'string' && MONTH.test(value.month)) {
    date = { precision: 'month', month: value.month };
    day = `${value.month}-01`;
  } else if (value?.precision === 'unknown') {
    return { precision: 'unknown' };
  } else {
    return fail(
      'MEETING_DATE_INVALID',
      'Дата заседания: день (ГГГГ-ММ-ДД), месяц (ГГГГ-ММ) или «не указана»',
    );
  }
  if (day < year.from || day > year.to) {
    fail(
      'MEETING_DATE_OUTSIDE_YEAR',
      `Дата заседания (${ruDate(day)}) вне учебного года ${academicYear} (${ruDate(year.from)} — ${ruDate(year.to)})`,
    );
  }
  return date;
}

/** A meeting is recorded as held only once its day (or month) has come. */
export function requireNotInFuture(date: MeetingDate, today: string): void {
  const earliest =
    date.precision === 'day' ? date.date : date.precision === 'month' ? `${date.month}-01` : null;
  if (earliest !== null && earliest > today) {
    fail('DATE_IN_FUTURE', `Заседание (${ruDate(earliest)}) ещё не наступило: сегодня ${ruDate(today)}`);
  }
}
