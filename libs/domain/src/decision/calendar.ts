import { addDays } from '../shared';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** '2024-02' → '2024-02-29'. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** '2023-12' → '2024-01'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The check-in days of a standing decision from `from` on, after `after` (exclusive), first `count` of them:
 * monthly on the last day of each month, weekly every seventh day from `from`.
 */
export function standingCheckIns(
  every: 'week' | 'month',
  from: string,
  after: string,
  count: number,
): string[] {
  const out: string[] = [];
  if (every === 'month') {
    let month = from.slice(0, 7);
    while (out.length < count) {
      const day = endOfMonth(month);
      if (day > after && day > from) out.push(day);
      month = nextMonth(month);
    }
    return out;
  }
  let day = addDays(from, 7);
  if (after >= day) {
    const days = Math.floor((Date.parse(after) - Date.parse(from)) / 86_400_000);
    day = addDays(from, (Math.floor(days / 7) + 1) * 7);
  }
  while (out.length < count) {
    if (day > after) out.push(day);
    day = addDays(day, 7);
  }
  return out;
}

export function isStandingCheckIn(every: 'week' | 'month', from: string, day: string): boolean {
  if (day <= from) return false;
  if (every === 'month') return endOfMonth(day.slice(0, 7)) === day;
  const days = Math.round((Date.parse(day) - Date.parse(from)) / 86_400_000);
  return days > 0 && days % 7 === 0;
}
