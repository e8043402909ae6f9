import type { Direction, ProcedureDocument, ProcedureStage } from '../api/domain';
import { DIRECTIONS } from '../api/domain';
import { PLAN_MONTHS } from '../format/titles';

export interface PlanFilters {
  responsible?: string;
  direction?: Direction;
  stage?: ProcedureStage;
  onlyLate?: boolean;
}

/** The part of a procedure the cyclogram shows; the replayed plan as of a date gives the same fields. */
export interface PlanItem {
  id: string;
  title: string;
  direction: Direction;
  stage: ProcedureStage;
  late: boolean;
  responsibleKey: string;
  responsibleName: string;
  window: { from: string; to: string };
}

export function planItem(doc: ProcedureDocument): PlanItem {
  return {
    id: doc._id,
    title: doc.title,
    direction: doc.direction,
    stage: doc.stage,
    late: doc.overdue,
    responsibleKey: doc.responsibleKey,
    responsibleName: doc.responsible.name,
    window: doc.window,
  };
}

export function applyFilters(items: readonly PlanItem[], f: PlanFilters): PlanItem[] {
  return items.filter(
    (p) =>
      (!f.responsible || p.responsibleKey === f.responsible) &&
      (!f.direction || p.direction === f.direction) &&
      (!f.stage || p.stage === f.stage) &&
      (!f.onlyLate || p.late),
  );
}

export interface Column {
  month: number;
  title: string;
}

export interface Cyclogram {
  columns: Column[];
  rows: { direction: Direction; cells: PlanItem[][] }[];
}

const JULY: Column = { month: 7, title: 'Июль' };

/**
 * Months across (август … июнь, and июль only when something falls in it), directions down, each procedure in the
 * month its window starts; cards within a cell in date order.
 */
export function layOut(items: readonly PlanItem[]): Cyclogram {
  const monthOf = (p: PlanItem) => Number(p.window.from.slice(5, 7));
  const columns: Column[] = [...PLAN_MONTHS];
  if (items.some((p) => monthOf(p) === 7)) columns.push(JULY);
  const sorted = [...items].sort(
    (a, b) => a.window.from.localeCompare(b.window.from) || a.title.localeCompare(b.title, 'ru'),
  );
  return {
    columns,
    rows: DIRECTIONS.map((direction) => ({
      direction,
      cells: columns.map((c) => sorted.filter((p) => p.direction === direction && monthOf(p) === c.month)),
    })),
  };
}

const SHORT_MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

/** «сен–май» for a window over several months; nothing for one month. */
export function spanLabel(window: { from: string; to: string }): string | undefined {
  const from = window.from.slice(0, 7);
  const to = window.to.slice(0, 7);
  if (from === to) return undefined;
  return `${SHORT_MONTHS[Number(from.slice(5)) - 1]}–${SHORT_MONTHS[Number(to.slice(5)) - 1]}`;
}

/** The people and roles the plan names, for the "responsible" filter. */
export function responsibleOptions(items: readonly PlanItem[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const p of items) if (!seen.has(p.responsibleKey)) seen.set(p.responsibleKey, p.responsibleName);
  return [...seen.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ru'));
}
