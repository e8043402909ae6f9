import { NO_DUE_MONTH, type DecisionDocument, type Direction } from '../api/domain';
import { weekOf } from '../format/dates';

export const BOARD_TABS = ['open', 'week', 'overdue', 'executed'] as const;
export type BoardTab = (typeof BOARD_TABS)[number];

export const BOARD_TAB_TITLES: Record<BoardTab, string> = {
  open: 'Открытые',
  week: 'Срок на этой неделе',
  overdue: 'Просроченные',
  executed: 'Исполненные',
};

export interface BoardFilters {
  responsible?: string;
  direction?: Direction;
  /** The signed-in person's own decisions: those naming them as responsible. */
  mine?: string;
}

/** Which decisions each tab shows, on the school's `today` (YYYY-MM-DD). Open includes the overdue ones. */
export function inTab(d: DecisionDocument, tab: BoardTab, today: string): boolean {
  switch (tab) {
    case 'open':
      return d.status === 'open' || d.status === 'overdue';
    case 'week': {
      const week = weekOf(today);
      return (
        (d.status === 'open' || d.status === 'overdue') && d.deadline >= week.from && d.deadline <= week.to
      );
    }
    case 'overdue':
      return d.status === 'overdue';
    case 'executed':
      return d.status === 'executed';
  }
}

export function filterDecisions(decisions: readonly DecisionDocument[], f: BoardFilters): DecisionDocument[] {
  return decisions.filter(
    (d) =>
      (!f.responsible || d.responsibleKey === f.responsible) &&
      (!f.direction || d.direction === f.direction) &&
      (!f.mine || d.responsible.personId === f.mine || d.responsibleKey === f.mine),
  );
}

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

/** «окт 2026» for a KPI month key «2026-10»; «без срока» for meeting decisions with no day due. */
export function monthLabel(key: string): string {
  if (key === NO_DUE_MONTH) return 'без срока';
  const [year, month] = key.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
