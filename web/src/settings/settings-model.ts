/** What `GET /schools/:id/reminder-settings` answers and `PUT` takes. */
export interface ReminderSettings {
  daysBefore: number[];
  escalationGraceDays: number;
}

/**
 * «7, 3, 1» as people type it → [7, 3, 1]: whole days, no repeats, largest first; a problem in Russian when the
 * text is not that (the server refuses the same, but the form says it before sending).
 */
export function parseDaysBefore(text: string): { days: number[] } | { problem: string } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { problem: 'Укажите хотя бы одно напоминание, например «7, 1»' };
  if (parts.some((p) => !/^\d+$/.test(p)))
    return { problem: 'Дни — целые числа через запятую, например «7, 3, 1»' };
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > 5) return { problem: 'Не больше пяти напоминаний' };
  return { days };
}

/** «за 7 и 1 день до срока» */
export function describeReminders(days: readonly number[]): string {
  if (days.length === 0) return 'напоминаний нет';
  const list =
    days.length === 1 ? `${days[0]}` : `${days.slice(0, -1).join(', ')} и ${days[days.length - 1]}`;
  return `за ${list} ${dayWord(days[days.length - 1])} до срока`;
}

/** день / дня / дней for a count, as Russian agrees them. */
export function dayWord(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return 'дней';
  if (ones === 1) return 'день';
  if (ones >= 2 && ones <= 4) return 'дня';
  return 'дней';
}

/** The address to paste into a calendar: the API's path on this server's origin. */
export function feedAddress(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
