import * as fs from 'node:fs';
import * as path from 'node:path';
import * as nodeIcal from 'node-ical';
import { atLocalTime } from '@vsoko/domain';
import { parseFeed } from './parse-feed';
import type { CalendarOccurrence } from './occurrence';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/calendar');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.ics`), 'utf8');
const YEAR = { from: '2025-08-01', to: '2026-07-31' };
const parse = (name: string, timeZone = 'Asia/Yekaterinburg') =>
  parseFeed(read(name), { timeZone, horizon: YEAR });

const brief = (o: CalendarOccurrence) => ({
  start: `${o.localStart.date}${o.localStart.time ? ' ' + o.localStart.time : ''} ${o.localStart.timeZone}`,
  window: `${o.window.from}..${o.window.to}`,
  marked: o.vsoko !== null,
  cancelled: o.cancelled,
});

describe('reading the calendars schools export', () => {
  it('Google: monthly rule with EXDATE and a moved occurrence (RECURRENCE-ID), summary tag, description lines', () => {
    const occ = parse('google', 'Europe/Moscow');
    expect(occ.map(brief)).toEqual([
      {
        start: '2025-09-15 09:00 Europe/Moscow',
        window: '2025-09-15..2025-09-15',
        marked: false,
        cancelled: false,
      },
      {
        start: '2025-10-06 10:00 Europe/Moscow',
        window: '2025-10-06..2025-10-06',
        marked: true,
        cancelled: false,
      },
      {
        start: '2025-12-08 14:00 Europe/Moscow',
        window: '2025-12-08..2025-12-08',
        marked: true,
        cancelled: false,
      },
      {
        start: '2026-01-05 10:00 Europe/Moscow',
        window: '2026-01-05..2026-01-05',
        marked: true,
        cancelled: false,
      },
    ]);
    const moved = occ[2];
    expect(moved).toMatchObject({ recurrenceId: '20251201T070000Z', sequence: 1, movedByOverride: true });
    expect(occ[1].vsoko).toEqual({
      title: 'Посещение уроков в 5-х классах',
      direction: 'process',
      responsible: { name: 'Заместитель директора по УВР' },
      method: 'посещение уроков',
    });
  });

  it('Outlook: Windows zone names resolved through their VTIMEZONE and mapped to IANA; a Moscow evening is the next school day in Yekaterinburg', () => {
    const occ = parse('outlook');
    expect(occ.map(brief)).toEqual([
      {
        start: '2025-09-29 09:00 Asia/Yekaterinburg',
        window: '2025-09-29..2025-09-29',
        marked: true,
        cancelled: false,
      },
      {
        start: '2025-10-28 09:00 Asia/Yekaterinburg',
        window: '2025-10-28..2025-10-28',
        marked: true,
        cancelled: false,
      },
      {
        start: '2025-11-20 23:00 Europe/Moscow',
        window: '2025-11-21..2025-11-21',
        marked: true,
        cancelled: false,
      },
    ]);
    expect(occ[0].vsoko).toMatchObject({
      direction: 'results',
      responsible: { name: 'Руководитель ШМО учителей математики' },
    });
    expect(occ[2].vsoko).toMatchObject({ title: 'Анкетирование родителей', direction: 'satisfaction' });
  });

  it('Yandex: #всоко tag, folded Russian description; an unmarked all-day event is read but not marked', () => {
    const occ = parse('yandex');
    expect(occ.map(brief)).toEqual([
      {
        start: '2026-01-20 08:30 Asia/Yekaterinburg',
        window: '2026-01-20..2026-01-20',
        marked: true,
        cancelled: false,
      },
      {
        start: '2026-03-02 Asia/Yekaterinburg',
        window: '2026-03-02..2026-03-02',
        marked: false,
        cancelled: false,
      },
    ]);
    expect(occ[0]).toMatchObject({ sequence: 2, recurrenceId: null });
    expect(occ[0].vsoko).toMatchObject({
      direction: 'results',
      responsible: { name: 'Руководитель ШМО учителей начальных классов' },
      indicator: 'читательская грамотность',
    });
  });

  it('Apple: a five-day all-day event repeated by RDATE: DTSTART counts as the first occurrence, DTEND is exclusive', () => {
    const occ = parse('apple').filter((o) => o.vsoko);
    expect(occ.map((o) => [o.recurrenceId, o.window.from, o.window.to])).toEqual([
      ['20251013', '2025-10-13', '2025-10-17'],
      ['20260216', '2026-02-16', '2026-02-20'],
      ['20260413', '2026-04-13', '2026-04-17'],
    ]);
    expect(occ[0].vsoko).toMatchObject({ direction: 'process', responsible: { name: 'Педагог-психолог' } });
  });

  it('Nextcloud: STATUS:CANCELLED and several categories', () => {
    const occ = parse('nextcloud', 'Europe/Moscow');
    expect(occ.map(brief)).toEqual([
      {
        start: '2025-11-10 09:00 Europe/Moscow',
        window: '2025-11-10..2025-11-14',
        marked: true,
        cancelled: true,
      },
      {
        start: '2026-05-11 09:00 Europe/Moscow',
        window: '2026-05-11..2026-05-22',
        marked: true,
        cancelled: false,
      },
    ]);
    expect(occ[1].vsoko).toMatchObject({ direction: 'results', resultForm: 'аналитическая справка' });
  });

  it('keeps only the horizon and refuses what is not iCalendar', () => {
    expect(
      parseFeed(read('google'), {
        timeZone: 'Europe/Moscow',
        horizon: { from: '2025-11-01', to: '2025-12-31' },
      }),
    ).toHaveLength(1);
    expect(() =>
      parseFeed('BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n', {
        timeZone: 'Europe/Moscow',
        horizon: YEAR,
      }),
    ).toThrow(expect.objectContaining({ code: 'ICS_MALFORMED' }));
  });
});

/** The fields of node-ical's VEVENT this check reads (its typings leave some of them out). */
interface NodeEvent {
  uid: string;
  datetype: 'date' | 'date-time';
  start: Date;
  rrule?: { all(): Date[] };
  exdate?: Record<string, Date>;
  recurrences?: Record<string, { recurrenceid: Date; start: Date }>;
}

describe('agreement with an independent parser (node-ical)', () => {
  it.each(['google', 'outlook', 'yandex', 'nextcloud'])(
    '%s: the same timed occurrences at the same instants',
    (name) => {
      const theirs: string[] = [];
      for (const component of Object.values(nodeIcal.sync.parseICS(read(name)))) {
        if (component?.type !== 'VEVENT') continue;
        const e = component as NodeEvent;
        if (e.datetype !== 'date-time') continue;
        const excluded = new Set(Object.values(e.exdate ?? {}).map((d) => d.getTime()));
        const overrides = new Map(
          Object.values(e.recurrences ?? {}).map((r) => [r.recurrenceid.getTime(), r.start.getTime()]),
        );
        const starts = e.rrule ? e.rrule.all().map((d) => d.getTime()) : [e.start.getTime()];
        for (const s of starts)
          if (!excluded.has(s)) theirs.push(`${e.uid}@${new Date(overrides.get(s) ?? s).toISOString()}`);
      }
      const ours = parse(name)
        .filter((o) => o.localStart.time !== null)
        .map(
          (o) =>
            `${o.uid}@${new Date(atLocalTime(o.localStart.date, o.localStart.time!, o.localStart.timeZone)).toISOString()}`,
        );
      expect(ours.sort()).toEqual(theirs.sort());
      expect(ours.length).toBeGreaterThan(0);
    },
  );
});
