/** One date someone must meet, as `GET /deadlines` lists it (the calendar read model). */
export interface Deadline {
  _id: string;
  kind: 'procedure' | 'decision';
  procedureId: string;
  decisionId: string | null;
  schoolId: string;
  academicYear: string;
  title: string;
  date: string;
  state: 'open' | 'overdue' | 'done' | 'cancelled';
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** A meeting decision (its own stream) as `GET /decision-records` lists it: what the card needs of it. */
export interface DecisionRecordItem {
  _id: string;
  wording: string;
  due: string | null;
  overdue: boolean;
  status: string;
}

/** One card of «Моя работа»: a date to meet from the calendar, or a meeting decision in work. */
export type WorkItem = Deadline | (Omit<Deadline, 'kind'> & { kind: 'meeting-decision' });

export function workItemOf(r: DecisionRecordItem, schoolId: string, academicYear: string): WorkItem {
  return {
    _id: `record:${r._id}`,
    kind: 'meeting-decision',
    procedureId: '',
    decisionId: r._id,
    schoolId,
    academicYear,
    title: r.wording,
    date: r.due ?? '',
    state: r.overdue ? 'overdue' : 'open',
  };
}

/** What is late first, then by date (undated last): the first card is what to do now. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  const late = (d: WorkItem) => (d.state === 'overdue' ? 0 : 1);
  const date = (d: WorkItem) => d.date || '9999-12-31';
  return late(a) - late(b) || date(a).localeCompare(date(b)) || a._id.localeCompare(b._id);
}

/** «просрочено на 3 дня», «сегодня», «завтра», «через 5 дней» — how the date stands from the school's today. */
export function dueText(date: string, today: string): string {
  if (!date) return 'без срока';
  const days = daysBetween(today, date);
  if (days < 0) return `просрочено на ${-days} ${daysWord(-days)}`;
  if (days === 0) return 'сегодня';
  if (days === 1) return 'завтра';
  return `через ${days} ${daysWord(days)}`;
}

function daysWord(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return 'дней';
  if (ones === 1) return 'день';
  if (ones >= 2 && ones <= 4) return 'дня';
  return 'дней';
}

/**
 * The one action the card offers: record a procedure's decision executed on the card, open a meeting decision
 * at its evidence and execution, or open the procedure at its next step.
 */
export function nextActionOf(d: WorkItem): 'execute-decision' | 'open-decision' | 'perform-procedure' {
  if (d.kind === 'decision') return 'execute-decision';
  return d.kind === 'meeting-decision' ? 'open-decision' : 'perform-procedure';
}
