import {
  academicYearBounds,
  MEETING_LEVEL_TITLES,
  type MeetingDate,
  type MeetingLevel,
  type SchoolCalendar,
} from '@vsoko/domain';
import type { Deadline, Executors } from '@vsoko/domain';
import { parseDecisionDeadline } from '../deadlines/decision-deadline';
import { periodCalendarFor } from '../deadlines/periods';
import { monthOf } from '../deadlines/months';
import type { SourceRow } from '../readers/source-table';
import type { StaffDirectory } from '../staff/directory';
import { executorsFromText } from './executors';

/*
 * A school's report in seed 002's shape («Рассмотрение и обсуждение результатов оценочных процедур»: №, level,
 * date, the decisions' wording, deadline, responsible) read into meetings and decisions, every row accounted
 * for: a meeting, a decision, a heading, or a warning saying why it was left out.
 */

export interface ImportedDecision {
  row: number;
  number: number;
  wording: string;
  deadline: Deadline;
  executors: Executors | null;
  warnings: string[];
}

export interface ImportedMeeting {
  row: number;
  /** The report's № of the meeting. */
  number: string;
  level: MeetingLevel;
  levelAsWritten: string;
  association?: string;
  title?: string;
  date: MeetingDate;
  dateAsWritten: string;
  decisions: ImportedDecision[];
}

export interface ReportRowEntry {
  row: number;
  location: string;
  became: 'heading' | 'meeting' | 'decision' | 'empty' | 'warning' | 'outside';
  message?: string;
}

export interface DecisionsReportPreview {
  academicYear: string;
  meetings: ImportedMeeting[];
  rows: ReportRowEntry[];
  counts: { meetings: number; decisions: number; warnings: number };
}

const LEVELS: Array<[RegExp, MeetingLevel]> = [
  [/педагогическ\S*\s+совет|педсовет/, 'pedagogical-council'],
  [/методическ\S*\s+совет|методсовет/, 'methodical-council'],
  [/шмо|методическ\S*\s+объединени|(^|\s)мо(\s|$)/, 'subject-association'],
  [/совещани\S*\s+с\s+классн/, 'class-teachers-meeting'],
  [/совещани/, 'director-meeting'],
  [/родительск/, 'parent-meeting'],
  [/совет\S*\s+профилактик/, 'prevention-council'],
  [/управляющ\S*\s+совет|совет\S*\s+школы/, 'governing-council'],
];

export function meetingLevelOf(
  text: string,
): { level: MeetingLevel; association?: string; title?: string } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase().replace(/ё/g, 'е');
  const level = LEVELS.find(([re]) => re.test(lower))?.[1];
  if (!level) return null;
  if (level === 'subject-association') {
    const association = t.replace(/^.*?(шмо|мо|методическ\S*\s+объединени\S*)\s*/i, '').trim();
    return { level, association: association || t };
  }
  return t.toLowerCase() === MEETING_LEVEL_TITLES[level].toLowerCase() ? { level } : { level, title: t };
}

/** «Август 2023», «Февраль 2024г», «15.09.2023» or nothing: a month, a day, or unknown. */
export function meetingDateOf(text: string): MeetingDate | null {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (t === '') return { precision: 'unknown' };
  const day = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(t);
  if (day) {
    const date = `${day[3]}-${day[2].padStart(2, '0')}-${day[1].padStart(2, '0')}`;
    return { precision: 'day', date };
  }
  const m = /^([а-яё]+)\.?\s*(\d{4})\s*(г\.?|года?)?$/.exec(t);
  const month = m ? monthOf(m[1]) : undefined;
  if (m && month !== undefined)
    return { precision: 'month', month: `${m[2]}-${String(month).padStart(2, '0')}` };
  return null;
}

/** «1. Доработать … 2. Составить …» in one cell: the numbered decisions it holds. */
export function splitDecisions(cell: string): Array<{ number: number | null; wording: string }> {
  const parts = cell
    .split(/(?:^|\n)\s*(?=\d{1,2}\.\s)/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.map((p) => {
    const m = /^(\d{1,2})\.\s*([\s\S]*)$/.exec(p);
    return m
      ? { number: Number(m[1]), wording: m[2].replace(/\s+/g, ' ').trim() }
      : { number: null, wording: p.replace(/\s+/g, ' ').trim() };
  });
}

const isHeading = (cells: string[]) =>
  cells.some((c) => /формулировка/i.test(c)) || cells.every((c) => /^\d?$/.test(c.trim()) && false);
const isNextSection = (cells: string[]) =>
  cells.some((c) => /^\s*[2-9]\.\s*(перечень|отслеживание)/i.test(c) || /учебный год/i.test(c));

export function readDecisionsReport(
  rows: SourceRow[],
  options: { academicYear: string; directory: StaffDirectory; calendar?: SchoolCalendar },
): DecisionsReportPreview {
  if (!academicYearBounds(options.academicYear))
    throw new Error(`academic year «${options.academicYear}» is not like 2023/24`);
  // Terms in deadlines («в течение года», «до конца I четверти») are the school's, or the shipped default's.
  const calendar = periodCalendarFor(options.academicYear, options.calendar);
  const meetings: ImportedMeeting[] = [];
  const entries: ReportRowEntry[] = [];
  let outside = false;
  for (const row of rows) {
    const cells = [...row.cells, '', '', '', '', '', ''].slice(0, 6).map((c) => c ?? '');
    const at = { row: row.rowNumber, location: row.location };
    if (outside || isNextSection(row.cells)) {
      outside = true;
      entries.push({ ...at, became: 'outside', message: 'Вне раздела 1 (заседания и решения)' });
      continue;
    }
    // The table's headings, and title lines above the first meeting (a single text across the row).
    if (
      isHeading(row.cells) ||
      (meetings.length === 0 && row.cells.filter((c) => c.trim() !== '').length === 1)
    ) {
      entries.push({ ...at, became: 'heading' });
      continue;
    }
    if (row.cells.every((c) => c.trim() === '' || /^\s*\d{1,2}\.?\s*$/.test(c))) {
      entries.push({
        ...at,
        became: 'empty',
        message: cells.some((c) => c.trim() !== '') ? 'Пустое решение без текста' : undefined,
      });
      continue;
    }
    const [no, levelText, dateText, decisionText, deadlineText, responsibleText] = cells;
    let meeting = meetings[meetings.length - 1];
    if (no.trim() !== '' || levelText.trim() !== '') {
      const level = meetingLevelOf(levelText);
      const date = meetingDateOf(dateText);
      if (!level || !date) {
        entries.push({
          ...at,
          became: 'warning',
          message: !level
            ? `Уровень заседания «${levelText.trim()}» не распознан`
            : `Дата «${dateText.trim()}» не распознана`,
        });
        continue;
      }
      meeting = {
        row: row.rowNumber,
        number: no.trim(),
        ...level,
        levelAsWritten: levelText.replace(/\s+/g, ' ').trim(),
        date,
        dateAsWritten: dateText.replace(/\s+/g, ' ').trim(),
        decisions: [],
      };
      meetings.push(meeting);
    }
    if (!meeting) {
      entries.push({ ...at, became: 'warning', message: 'Решение до первого заседания: не к чему отнести' });
      continue;
    }
    const adoptedOn =
      meeting.date.precision === 'day'
        ? meeting.date.date
        : meeting.date.precision === 'month'
          ? `${meeting.date.month}-01`
          : undefined;
    const previous = meeting.decisions[meeting.decisions.length - 1];
    for (const part of splitDecisions(decisionText)) {
      const warnings: string[] = [];
      const read = parseDecisionDeadline(deadlineText, {
        academicYear: options.academicYear,
        ...(adoptedOn ? { adoptedOn } : {}),
        ...(calendar ? { calendar } : {}),
      });
      warnings.push(...read.warnings);
      let executors = executorsFromText(responsibleText, options.directory);
      if (!executors && previous?.executors) {
        executors = previous.executors;
        warnings.push('Ответственный не указан: взят из строки выше (объединённая ячейка)');
      }
      if (!executors) warnings.push('Ответственный не указан: укажите его до записи решения');
      meeting.decisions.push({
        row: row.rowNumber,
        number: part.number ?? meeting.decisions.length + 1,
        wording: part.wording,
        deadline: read.deadline,
        executors,
        warnings,
      });
    }
    entries.push({ ...at, became: meeting.row === row.rowNumber ? 'meeting' : 'decision' });
  }
  const decisions = meetings.flatMap((m) => m.decisions);
  return {
    academicYear: options.academicYear,
    meetings,
    rows: entries,
    counts: {
      meetings: meetings.length,
      decisions: decisions.length,
      warnings:
        decisions.filter((d) => d.warnings.length > 0).length +
        entries.filter((e) => e.became === 'warning').length,
    },
  };
}
