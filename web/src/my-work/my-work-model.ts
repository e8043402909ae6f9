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

/** What is late first, then by date: the first card is what to do now. */
export function byUrgency(a: Deadline, b: Deadline): number {
  const late = (d: Deadline) => (d.state === 'overdue' ? 0 : 1);
  return late(a) - late(b) || a.date.localeCompare(b.date) || a._id.localeCompare(b._id);
}

/** «просрочено на 3 дня», «сегодня», «завтра», «через 5 дней» — how the date stands from the school's today. */
export function dueText(date: string, today: string): string {
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

/** The one action the card offers: record a decision executed, or open the procedure at its next step. */
export function nextActionOf(d: Deadline): 'execute-decision' | 'perform-procedure' {
  return d.kind === 'decision' ? 'execute-decision' : 'perform-procedure';
}
