import type { Direction } from '../api/domain';
import { formatDateTime } from '../format/dates';

/** `GET /integrations/calendar/sources`, as services/api/src/integrations/list-sources answers it. */
export interface CalendarSourceRow {
  feedId: string;
  kind: 'url' | 'upload' | 'webhook';
  title: string;
  url?: string;
  pollEveryMinutes?: number;
  createdAt: string;
  lastSync?: {
    at: string;
    status: 'changed' | 'not-modified' | 'failed';
    error?: { code: string; message: string };
    counts?: Record<string, number>;
  };
  imported: number;
  cancelled: number;
  warnings: string[];
}

export interface CalendarIntegrationRow {
  integrationId: string;
  name: string;
  timeZone: string;
  createdAt: string;
  sources: CalendarSourceRow[];
}

export interface PreviewEntry {
  uid: string;
  recurrenceId: string | null;
  start: { date: string; time: string | null; timeZone: string };
  summary: string;
  action: 'schedule' | 'move' | 'cancel' | 'ignore';
  window: { from: string; to: string };
  reason?: string;
  title?: string;
  direction?: Direction;
  directionFrom?: 'event' | 'feed' | 'title';
  responsible?: string;
  needs?: 'direction' | 'responsible';
}

/** `POST /integrations/calendar/preview`. */
export interface FeedPreview {
  counts: { schedule: number; cancel: number; ignore: number; needs: number };
  total: number;
  horizon: { from: string; to: string };
  timeZone: string;
  entries: PreviewEntry[];
}

/** A direction in one word, as the preview's table names it. */
export const DIRECTION_WORDS: Record<Direction, string> = {
  results: 'результаты',
  process: 'процесс',
  conditions: 'условия',
  satisfaction: 'удовлетворённость',
};

export const KIND_TITLES: Record<CalendarSourceRow['kind'], string> = {
  url: 'по адресу (ICS)',
  upload: 'файл .ics',
  webhook: 'webhook',
};

/** «12 марта 2027 г., 10:15 — без изменений», or the failure's own Russian message. */
export function describeSync(row: Pick<CalendarSourceRow, 'lastSync' | 'kind'>, timeZone: string): string {
  const sync = row.lastSync;
  if (!sync) return row.kind === 'webhook' ? 'доставок ещё не было' : 'ещё не опрашивался';
  const when = formatDateTime(sync.at, timeZone);
  if (sync.status === 'failed') return `${when} — ошибка: ${sync.error?.message ?? 'календарь не прочитан'}`;
  if (sync.status === 'not-modified') return `${when} — без изменений`;
  return `${when} — ${describeCounts(sync.counts ?? {})}`;
}

/** What one poll or delivery did, in words: «2 запланировано, 1 перенесено, 3 пропущено». */
export function describeCounts(counts: Record<string, number>): string {
  const parts = [
    ['schedule', 'запланировано'],
    ['move', 'перенесено'],
    ['cancel', 'отменено'],
    ['refused', 'отклонено'],
    ['ignored', 'пропущено (без отметки ВСОКО)'],
  ]
    .filter(([key]) => (counts[key] ?? 0) > 0)
    .map(([key, word]) => `${counts[key]} ${word}`);
  return parts.length > 0 ? parts.join(', ') : 'событий нет';
}

/** What subscribing would do with one occurrence, as the preview's table says it. */
export function describeAction(entry: PreviewEntry): string {
  if (entry.needs === 'direction') return 'пропущено: не указано направление ВСОКО';
  if (entry.needs === 'responsible') return 'пропущено: не указан ответственный';
  switch (entry.action) {
    case 'schedule':
    case 'move':
      return `станет процедурой${entry.direction ? ` (${DIRECTION_WORDS[entry.direction]}${entry.directionFrom === 'title' ? ', по названию' : ''})` : ''}`;
    case 'cancel':
      return 'отменит процедуру';
    case 'ignore':
      return entry.reason ? `пропущено: ${entry.reason}` : 'пропущено';
  }
}

/** The preview's one-line summary: «Станут процедурами: 2; пропущено без отметки ВСОКО: 1». */
export function describePreview(p: FeedPreview): string {
  if (p.total === 0) return 'В календаре нет событий на ближайший год.';
  const parts = [`станут процедурами: ${p.counts.schedule}`];
  if (p.counts.cancel) parts.push(`отменят процедуры: ${p.counts.cancel}`);
  if (p.counts.needs) parts.push(`ждут уточнения: ${p.counts.needs}`);
  if (p.counts.ignore) parts.push(`без отметки ВСОКО (не войдут в план): ${p.counts.ignore}`);
  const text = parts.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}
