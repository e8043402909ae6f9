import { localDateOf, MONTH_NAMES, type MeetingDate } from '@vsoko/domain';

const GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** «15 сентября 2023 г.» — how a Russian protocol or order writes a day. */
export function ruLongDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${GENITIVE[month - 1]} ${year} г.`;
}

/** «август 2023 г.» — a month when that is all the paper says. */
export function ruMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${year} г.`;
}

/** A meeting's date as precisely as it was recorded; an unknown date is an empty string. */
export function ruMeetingDate(date: MeetingDate): string {
  switch (date.precision) {
    case 'day':
      return ruLongDate(date.date);
    case 'month':
      return ruMonth(date.month);
    case 'unknown':
      return '';
  }
}

/** Today in the school's zone, written long: the date a generated document carries. */
export function ruToday(now: Date, timeZone: string): string {
  return ruLongDate(localDateOf(now.getTime(), timeZone));
}
