import { describe, expect, it } from 'vitest';
import { describeAction, describeCounts, describePreview, describeSync } from './integrations-model';

describe('the calendars list and preview, in words', () => {
  it('says what the last poll did, in the school’s zone, or the failure’s own message', () => {
    expect(
      describeSync(
        {
          kind: 'url',
          lastSync: { at: '2026-12-02T07:15:00Z', status: 'changed', counts: { schedule: 2, ignored: 1 } },
        },
        'Europe/Moscow',
      ),
    ).toMatch(/^2 декабря 2026.*10:15 — 2 запланировано, 1 пропущено \(без отметки ВСОКО\)$/);
    expect(
      describeSync(
        {
          kind: 'url',
          lastSync: {
            at: '2026-12-02T07:15:00Z',
            status: 'failed',
            error: { code: 'FEED_HTTP_ERROR', message: 'Календарь ответил кодом 503' },
          },
        },
        'Asia/Yekaterinburg',
      ),
    ).toMatch(/12:15 — ошибка: Календарь ответил кодом 503$/);
    expect(describeSync({ kind: 'webhook' }, 'Europe/Moscow')).toBe('доставок ещё не было');
    expect(describeSync({ kind: 'url' }, 'Europe/Moscow')).toBe('ещё не опрашивался');
    expect(describeCounts({})).toBe('событий нет');
  });

  it('says what subscribing would do with each event and in all', () => {
    const base = {
      uid: 'u',
      recurrenceId: null,
      start: { date: '2026-12-10', time: null, timeZone: 'Europe/Moscow' },
      summary: 's',
      window: { from: '2026-12-10', to: '2026-12-10' },
    };
    expect(
      describeAction({ ...base, action: 'schedule', direction: 'results', directionFrom: 'title' }),
    ).toBe('станет процедурой (результаты, по названию)');
    expect(describeAction({ ...base, action: 'ignore', needs: 'responsible' })).toBe(
      'пропущено: не указан ответственный',
    );
    expect(
      describePreview({
        counts: { schedule: 2, cancel: 0, ignore: 1, needs: 0 },
        total: 3,
        horizon: { from: '2026-12-02', to: '2028-01-06' },
        timeZone: 'Europe/Moscow',
        entries: [],
      }),
    ).toBe('Станут процедурами: 2; без отметки ВСОКО (не войдут в план): 1.');
  });
});
