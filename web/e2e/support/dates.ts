const MONTHS_GENITIVE = [
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

/** A date as people type it into a date field or a protocol: 2026-12-03 → «03.12.2026». */
export const typed = (date: string): string => date.split('-').reverse().join('.');

/** A date as the screens write it: 2026-12-03 → «3 декабря 2026». */
export const inWords = (date: string): string =>
  `${Number(date.slice(8))} ${MONTHS_GENITIVE[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
