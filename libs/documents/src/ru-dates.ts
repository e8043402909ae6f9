import { addDays, localDateOf, MONTH_NAMES, type MeetingDate } from '@vsoko/domain';

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

const isFirstOfMonth = (date: string) => date.endsWith('-01');
const isLastOfMonth = (date: string) => addDays(date, 1).endsWith('-01');

/**
 * A period as a Russian document writes it: «15 сентября 2025 г.», «15–30 сентября 2025 г.», «15 сентября —
 * 10 октября 2025 г.», whole months as months («сентябрь 2025 г.», «сентябрь — октябрь 2025 г.»).
 */
export function ruPeriod(from: string, to: string): string {
  if (from === to) return ruLongDate(from);
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  if (isFirstOfMonth(from) && isLastOfMonth(to)) {
    if (y1 === y2 && m1 === m2) return ruMonth(from);
    return y1 === y2
      ? `${MONTH_NAMES[m1 - 1]} — ${MONTH_NAMES[m2 - 1]} ${y1} г.`
      : `${ruMonth(from)} — ${ruMonth(to)}`;
  }
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${GENITIVE[m1 - 1]} ${y1} г.`;
  if (y1 === y2) return `${d1} ${GENITIVE[m1 - 1]} — ${d2} ${GENITIVE[m2 - 1]} ${y1} г.`;
  return `${ruLongDate(from)} — ${ruLongDate(to)}`;
}
