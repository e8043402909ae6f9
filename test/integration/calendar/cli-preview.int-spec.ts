import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The CLI as an administrator runs it; it needs no server and changes nothing. */
function preview(file: string, ...args: string[]): unknown {
  const out = execFileSync(
    process.execPath,
    ['infra/scripts/run-ts.js', 'services/cli/src/main.ts', 'calendar', 'preview', file, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TEMPORAL_ADDRESS: '', MONGODB_URL: '' } },
  );
  return JSON.parse(out);
}

describe('npm run vsoko -- calendar preview FILE --tz ZONE --json', () => {
  it('lists every occurrence of an Outlook export with its action', () => {
    const entries = preview(
      'test/fixtures/calendar/outlook.ics',
      '--tz',
      'Asia/Yekaterinburg',
      '--from',
      '2025-08-01',
      '--json',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        recurrenceId: '20250929T040000Z',
        start: { date: '2025-09-29', time: '09:00', timeZone: 'Asia/Yekaterinburg' },
        summary: 'Контрольные срезы по математике',
        action: 'schedule',
      }),
      expect.objectContaining({
        recurrenceId: '20251027T040000Z',
        start: { date: '2025-10-28', time: '09:00', timeZone: 'Asia/Yekaterinburg' },
        action: 'move',
      }),
      expect.objectContaining({
        recurrenceId: null,
        start: { date: '2025-11-20', time: '23:00', timeZone: 'Europe/Moscow' },
        window: { from: '2025-11-21', to: '2025-11-21' },
        summary: 'Анкетирование родителей [ВСОКО]',
        action: 'schedule',
      }),
    ]);
    for (const e of entries as Array<{ uid: string }>)
      expect(e.uid).toMatch(/^040000008200E00074C5B7101A82E008/);
  });

  it('marks cancelled and unmarked events', () => {
    const nextcloud = preview(
      'test/fixtures/calendar/nextcloud.ics',
      '--tz',
      'Europe/Moscow',
      '--from',
      '2025-08-01',
      '--json',
    );
    expect((nextcloud as Array<{ action: string }>).map((e) => e.action)).toEqual(['cancel', 'schedule']);
    const google = preview(
      'test/fixtures/calendar/google.ics',
      '--tz',
      'Europe/Moscow',
      '--from',
      '2025-08-01',
      '--json',
    );
    expect((google as Array<{ action: string; summary: string }>).map((e) => [e.action, e.summary])).toEqual([
      ['ignore', 'Общее собрание работников'],
      ['schedule', '[ВСОКО] Посещение уроков в 5-х классах'],
      ['move', '[ВСОКО] Посещение уроков в 5-х классах'],
      ['schedule', '[ВСОКО] Посещение уроков в 5-х классах'],
    ]);
  });

  it('gives a Google export that carries only the [ВСОКО] tag a direction from each title, with the feed’s defaults', () => {
    type Entry = {
      action: string;
      summary: string;
      direction?: string;
      directionFrom?: string;
      needs?: string;
    };
    const args = ['--tz', 'Europe/Moscow', '--from', '2025-09-01', '--to', '2026-08-31', '--json'];
    const file = 'test/fixtures/calendar/google-tag-only.ics';
    const firstOf = (entries: Entry[]) => {
      const seen = new Map<string, Entry>();
      for (const e of entries) if (!seen.has(e.summary)) seen.set(e.summary, e);
      return [...seen.values()].map((e) => [
        e.summary,
        e.action,
        e.direction ?? e.needs ?? null,
        e.directionFrom ?? null,
      ]);
    };

    // Without a responsible person nothing can be scheduled yet: each marked event asks for one.
    const bare = preview(file, ...args) as Entry[];
    expect(new Set(bare.filter((e) => e.summary.includes('[ВСОКО]')).map((e) => e.needs))).toEqual(
      new Set(['responsible', 'direction']),
    );

    const withResponsible = preview(
      file,
      ...args,
      '--responsible',
      'Заместитель директора по УВР',
    ) as Entry[];
    expect(firstOf(withResponsible)).toEqual([
      ['[ВСОКО] Посещение уроков в 1-х классах', 'schedule', 'process', 'title'],
      ['Родительское собрание 5-х классов', 'ignore', null, null],
      ['[ВСОКО] Заседание рабочей группы', 'ignore', 'direction', null],
      ['[ВСОКО] Анкетирование родителей «Удовлетворённость питанием»', 'schedule', 'satisfaction', 'title'],
      ['[ВСОКО] Контрольная работа по русскому языку (5 классы)', 'schedule', 'results', 'title'],
      ['[ВСОКО] ВПР по математике, 4 класс', 'schedule', 'results', 'title'],
    ]);
    expect(withResponsible.filter((e) => e.summary.includes('Посещение уроков'))).toHaveLength(12);

    // A feed default is what the administrator said for the whole calendar: it comes before any guess.
    const withDefaults = preview(
      file,
      ...args,
      '--responsible',
      'Заместитель директора по УВР',
      '--direction',
      'условия',
    ) as Entry[];
    expect(firstOf(withDefaults).filter(([summary]) => String(summary).includes('[ВСОКО]'))).toEqual(
      expect.arrayContaining([
        ['[ВСОКО] Заседание рабочей группы', 'schedule', 'conditions', 'feed'],
        ['[ВСОКО] ВПР по математике, 4 класс', 'schedule', 'conditions', 'feed'],
      ]),
    );
  });
});
