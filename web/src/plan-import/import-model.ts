import type { DateWindow, Direction, PlanChanges } from '../../../libs/domain/src';
import type { PreviewEntry, RowOutcome, RowWarning } from '../../../libs/plan-import/src/preview/types';
import { formatDate } from '../format/dates';

/** What `POST /plans/import` answers: the preview of what the file would become, and what it would change. */
export interface ImportPreview {
  importId: string;
  schoolId: string;
  academicYear: string;
  academicYearFrom: 'request' | 'heading' | 'default';
  heading?: string;
  source: { fileName: string; format: string; sha256: string; rows: number };
  layout: string;
  entries: PreviewEntry[];
  procedures: { procedureId: string; title: string; direction: Direction; window: DateWindow }[];
  warnings: RowWarning[];
  summary: Record<RowOutcome, number> & { procedures: number; warnings: number };
  planRevision: number;
  changes: PlanChanges;
  pastWindows: { procedureId: string; sourceRow: number; title: string; window: DateWindow }[];
  /** Present when the preview is next year's plan made from this year's (`POST /plans/next-year`). */
  nextYear?: NextYearSummary;
}

export interface NextYearSummary {
  fromYear: string;
  fromRevision: number;
  calendarApplied: boolean;
  templateRowsLeftOut: number;
  flagged: number;
  rows: {
    procedureId: string;
    title: string;
    window: DateWindow;
    predecessorId: string;
    flags: { code: string; message: string }[];
  }[];
}

/** «2026/27» → «2027/28» */
export function followingYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** What the copy did, in a sentence: how many rows, whether the calendar was applied, what to look at. */
export function nextYearLines(n: NextYearSummary): string[] {
  return [
    `Строк плана ${n.fromYear} (версия ${n.fromRevision}) перенесено: ${n.rows.length}; сроки — на те же месяцы и дни недели.`,
    n.calendarApplied
      ? 'Календарь школы на следующий год учтён: сроки в выходные и каникулы перенесены.'
      : 'Календарь школы на следующий год ещё не утверждён: сроки в выходные и каникулы не перенесены. Утвердите календарь в настройках и составьте план снова.',
    ...(n.templateRowsLeftOut > 0
      ? [`Строки шаблонов района не перенесены (${n.templateRowsLeftOut}): их даёт новый шаблон района.`]
      : []),
    n.flagged > 0 ? `Стоит проверить строк: ${n.flagged} — они отмечены ниже.` : 'Отмеченных строк нет.',
  ];
}

export type { PreviewEntry, RowOutcome };

export const OUTCOME_TITLES: Record<RowOutcome, string> = {
  procedure: 'Процедура',
  section: 'Раздел',
  header: 'Заголовок таблицы',
  empty: 'Пустая строка',
  warning: 'Требует внимания',
};

export const YEAR_SOURCE: Record<ImportPreview['academicYearFrom'], string> = {
  request: 'выбран при загрузке',
  heading: 'из заголовка плана',
  default: 'текущий учебный год (в плане не указан)',
};

/** «1 октября 2026 — 20 октября 2026», or one date when the window is a day. */
export function windowLabel(w: DateWindow | undefined): string {
  if (!w) return '—';
  return w.from === w.to ? formatDate(w.from) : `${formatDate(w.from)} — ${formatDate(w.to)}`;
}

/** What became of a row whose window had ended before the approval. */
export type PastAction = 'overdue' | 'performed' | 'cancelled';
export interface PastChoice {
  action: PastAction;
  performedOn?: string;
  reason?: string;
}

export const PAST_ACTION_TITLES: Record<PastAction, string> = {
  overdue: 'Оставить просроченной (напоминания пойдут постепенно)',
  performed: 'Уже проведена — указать дату',
  cancelled: 'Не проводится — отменить с причиной',
};

/** A choice is complete when it has what its action needs: a date for «проведена», a reason for «отменить». */
export function choiceProblem(c: PastChoice): string | undefined {
  if (c.action === 'performed' && !c.performedOn) return 'Укажите дату проведения';
  if (c.action === 'cancelled' && !c.reason?.trim()) return 'Укажите причину отмены';
  return undefined;
}

/**
 * The approval's body: one choice for all past rows, and the rows whose choice differs from it. Without past
 * rows there is nothing to send.
 */
export function approvalBody(
  pastRows: readonly { procedureId: string }[],
  all: PastChoice,
  rows: Readonly<Record<string, PastChoice>>,
): { pastWindows?: { all: PastChoice; rows: (PastChoice & { procedureId: string })[] } } {
  if (pastRows.length === 0) return {};
  const clean = (c: PastChoice): PastChoice => ({
    action: c.action,
    ...(c.action === 'performed' ? { performedOn: c.performedOn } : {}),
    ...(c.action === 'cancelled' ? { reason: c.reason?.trim() } : {}),
  });
  return {
    pastWindows: {
      all: clean(all),
      rows: pastRows
        .filter((r) => rows[r.procedureId])
        .map((r) => ({ procedureId: r.procedureId, ...clean(rows[r.procedureId]) })),
    },
  };
}

export interface ApprovalStatus {
  importId: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  report?: {
    scheduled: string[];
    alreadyThere: string[];
    rescheduled: string[];
    cancelled: string[];
    performed: string[];
    keptOverdue: string[];
    failed: { procedureId: string; code: string; message: string }[];
  };
}

/** 0…100 for the progress bar; a fan-out with nothing to do is complete. */
export function approvalPercent(s: Pick<ApprovalStatus, 'done' | 'total' | 'status'>): number {
  if (s.status === 'completed') return 100;
  if (s.total === 0) return 0;
  return Math.min(100, Math.floor((s.done / s.total) * 100));
}

/** The approval's outcome in words, one line per kind, leaving out what did not happen. */
export function reportLines(report: NonNullable<ApprovalStatus['report']>): string[] {
  const lines: [number, string][] = [
    [report.scheduled.length, 'запланировано процедур'],
    [report.alreadyThere.length, 'уже были в плане без изменений'],
    [report.rescheduled.length, 'перенесено на новые сроки'],
    [report.cancelled.length, 'отменено (нет в новом плане)'],
    [report.performed.length, 'отмечено проведёнными'],
    [report.keptOverdue.length, 'оставлено просроченными'],
    [report.failed.length, 'не удалось обработать'],
  ];
  return lines.filter(([n]) => n > 0).map(([n, what]) => `${what}: ${n}`);
}
