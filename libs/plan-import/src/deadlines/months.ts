/** Months in the order of the academic year: August (preparation) … July. */
export const ACADEMIC_MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7] as const;

/** Whole words in every case form («март», «марта», «в марте») and the usual abbreviations. */
const WORDS: Array<[RegExp, number]> = [
  [/^(январ[ьяею]|янв)$/, 1],
  [/^(феврал[ьяею]|фев|февр)$/, 2],
  [/^(март[ае]?|мар)$/, 3],
  [/^(апрел[ьяею]|апр)$/, 4],
  [/^ма[йяею]$/, 5],
  [/^(июн[ьяею]|июн)$/, 6],
  [/^(июл[ьяею]|июл)$/, 7],
  [/^(август[ае]?|авг)$/, 8],
  [/^(сентябр[ьяею]|сен|сент)$/, 9],
  [/^(октябр[ьяею]|окт)$/, 10],
  [/^(ноябр[ьяею]|ноя|нояб)$/, 11],
  [/^(декабр[ьяею]|дек)$/, 12],
];

/** «Октябрь» / «октября» / «сент.» → 10 / 10 / 9; any other word → undefined. */
export function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');
  return WORDS.find(([re]) => re.test(w))?.[1];
}

/** The calendar year of a month inside academic year `startYear`/`startYear+1`. */
export function yearOfMonth(month: number, startYear: number): number {
  return month >= 8 ? startYear : startYear + 1;
}

export function academicIndex(month: number): number {
  return ACADEMIC_MONTHS.indexOf(month as (typeof ACADEMIC_MONTHS)[number]);
}

export function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const MONTH_TITLES: Record<number, string> = {
  1: 'январь',
  2: 'февраль',
  3: 'март',
  4: 'апрель',
  5: 'май',
  6: 'июнь',
  7: 'июль',
  8: 'август',
  9: 'сентябрь',
  10: 'октябрь',
  11: 'ноябрь',
  12: 'декабрь',
};
