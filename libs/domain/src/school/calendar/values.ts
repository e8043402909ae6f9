import type { DateWindow } from '../../procedure/values';

/** Четверти or триместры: how a school divides its academic year. */
export const TERM_KINDS = ['quarter', 'trimester'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TERM_KIND_TITLES: Record<TermKind, string> = { quarter: 'четверть', trimester: 'триместр' };

/** One study period, numbered from 1, inclusive on both ends. */
export interface Term extends DateWindow {
  number: number;
}

/**
 * Days the school does not chase anyone: каникулы (autumn, winter, spring — summer is not listed, since staff
 * work in June), public holidays, and weekdays the government made days off by a transfer.
 */
export const DAY_OFF_KINDS = ['vacation', 'public-holiday', 'transfer'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export interface DaysOff extends DateWindow {
  kind: DayOffKind;
  /** «Осенние каникулы», «День народного единства» … */
  name: string;
}

/** A school's academic year: its terms, its days off and the weekend days made working days by a transfer. */
export interface SchoolCalendar {
  academicYear: string;
  termKind: TermKind;
  terms: Term[];
  daysOff: DaysOff[];
  /** Saturdays or Sundays that are working days by the government's transfer, e.g. 2025-11-01. */
  workingWeekends: string[];
  /** A five-day school rests on Saturdays and Sundays, a six-day school on Sundays only. */
  weekDays: 5 | 6;
}

/** What happens to a window's end or a deadline that falls on a day off. */
export const DAY_OFF_POLICIES = ['next-working-day', 'keep'] as const;
export type DayOffPolicy = (typeof DAY_OFF_POLICIES)[number];

/**
 * The working days a timer needs, as plain data carried in commands, events and activity results: workflows
 * stay deterministic because they never look a calendar up themselves. Built from one or more academic years'
 * calendars; outside them only the weekly rest days are off.
 */
export interface WorkingDays {
  weekDays: 5 | 6;
  daysOff: DateWindow[];
  workingWeekends: string[];
  policy: DayOffPolicy;
}
