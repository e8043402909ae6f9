export type EscalationAddressee = 'responsible' | 'deputy' | 'director' | 'inspector';

export const ADDRESSEE_TITLES: Record<EscalationAddressee, string> = {
  responsible: 'ответственному',
  deputy: 'заместителю директора',
  director: 'директору',
  inspector: 'инспектору района',
};

/** What `GET /schools/:id/reminder-settings` answers and `PUT` takes (the chain's fields filled in by GET). */
export interface ReminderSettings {
  daysBefore: number[];
  escalationGraceDays: number;
  preparationDaysBefore?: number[];
  escalation?: { afterDays: number; to: EscalationAddressee }[];
  repeatEveryDays?: number;
  dayOffPolicy?: 'next-working-day' | 'keep';
}

/** «через 1 день — ответственному; через 3 дня — заместителю директора; …; затем каждые 7 дней — инспектору района» */
export function describeChain(s: Pick<ReminderSettings, 'escalation' | 'repeatEveryDays'>): string {
  const steps = [...(s.escalation ?? [])].sort((a, b) => a.afterDays - b.afterDays);
  if (steps.length === 0) return 'после срока никому не напоминается';
  const list = steps.map(
    (st) =>
      `${st.afterDays === 0 ? 'в день срока' : `через ${st.afterDays} ${dayWord(st.afterDays)}`} — ${ADDRESSEE_TITLES[st.to]}`,
  );
  const last = steps[steps.length - 1];
  const repeat = s.repeatEveryDays
    ? `; затем каждые ${s.repeatEveryDays} ${dayWord(s.repeatEveryDays)} — снова ${ADDRESSEE_TITLES[last.to]}, пока не исполнено`
    : '';
  return `${list.join('; ')}${repeat}`;
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
