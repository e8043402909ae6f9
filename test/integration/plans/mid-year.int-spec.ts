import { academicYearOf, addDays, localDateOf } from '@vsoko/domain';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { json, startServices, type JsonBody, type Services } from '../harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const ZONE = 'Europe/Moscow';
const today = localDateOf(Date.now(), ZONE);
/* Past rows end on the days before today; in the first days of August those lie in the previous year. */
const YEAR = academicYearOf(addDays(today, -3));
const ddmm = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
const HEADER = '№;Мероприятие;Срок;Ответственный;Результат';
const row = (n: number, title: string, deadline: string) =>
  `${n};${title};${deadline};Заместитель директора по УВР;Аналитическая справка`;
/** Nine rows whose window ended yesterday or the day before, as a plan imported mid-year has them. */
const PAST = Array.from({ length: 9 }, (_, i) => ({
  title: `Мониторинг ${i + 1}`,
  deadline: `до ${ddmm(addDays(today, -1 - (i % 2)))}`,
}));

/**
 * Finding 11 of the hardening issue: a plan approved in the middle of the year asks what became of the rows
 * whose window has ended; rows recorded as performed or cancelled are never announced late, rows kept as
 * overdue are announced in groups (5 at once, the rest 10 minutes later), and nothing is escalated at once.
 */
describe('a plan imported mid-year does not treat the past as fresh lateness', () => {
  let s: Services;
  let director: Record<string, string>;
  let token: string;
  const schoolId = `school-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    director = await s.loginAs('director', schoolId, { id: `director-${schoolId}` });
    token = director.Authorization.slice('Bearer '.length);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const upload = async (csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv]), 'plan.csv');
    form.append('schoolId', schoolId);
    form.append('academicYear', YEAR);
    const res = await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: director, body: form });
    return { status: res.status, body: await json(res) };
  };
  const types = async (procedureId: string) =>
    (await s.store.readStream(`procedure-${procedureId}`)).map((e) => e.type);
  const until = async (check: () => Promise<boolean>, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('shows the past rows, records the director’s choices, and announces kept rows in groups', async () => {
    const csv = [HEADER, ...PAST.map((p, i) => row(i + 1, p.title, p.deadline))].join('\n');
    const preview = await upload(csv);
    expect(preview.status).toBe(200);
    const past = preview.body.pastWindows as JsonBody[];
    expect(past.map((p) => p.title).sort()).toEqual(PAST.map((p) => p.title).sort());
    const [done, dropped, ...kept] = past.map((p) => p.procedureId as string);
    const performedOn = past[0].window.to as string;

    const res = await fetch(`${s.baseUrl}/plans/imports/${preview.body.importId}/approve`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify({
        pastWindows: {
          all: { action: 'overdue' },
          rows: [
            { procedureId: done, action: 'performed', performedOn },
            { procedureId: dropped, action: 'cancelled', reason: 'Не проводилась: приказ № 7' },
          ],
        },
      }),
    });
    const approved = await json(res);
    expect(res.status).toBe(200);
    expect(approved).toMatchObject({ recorded: true, performed: [done], cancelled: [dropped], failed: [] });
    expect([...approved.keptOverdue].sort()).toEqual([...kept].sort());

    const plan = await s.store.readStream(approved.planStream as string);
    const decisions = (plan[1].data as JsonBody).pastWindows as JsonBody[];
    expect(decisions).toHaveLength(9);
    const watchFrom = decisions.filter((d) => d.action === 'overdue').map((d) => Date.parse(d.watchFrom));
    const first = Math.min(...watchFrom);
    expect(watchFrom.filter((t) => t === first)).toHaveLength(5);
    expect(watchFrom.filter((t) => t === first + 10 * 60_000)).toHaveLength(2);

    expect(await types(done)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
    expect(await types(dropped)).toEqual(['ProcedureScheduled', 'ProcedureCancelled']);
    // The first group is announced late now; the second waits ten minutes; nobody is escalated yet.
    const lateNow = async () =>
      (await Promise.all(kept.map(types))).filter((t) => t.includes('StageOverdue')).length;
    await until(async () => (await lateNow()) >= 5);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await lateNow()).toBe(5);
    const all = (await Promise.all([done, dropped, ...kept].map(types))).flat();
    expect(all.filter((t) => t === 'EscalatedToDirector')).toEqual([]);
    expect(await types(done)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
  });

  it('the CLI shows the past rows and records them as performed with --past', async () => {
    const file = path.join(s.dataDir, 'plan-cli.csv');
    fs.writeFileSync(
      file,
      [HEADER, row(1, 'Анкетирование родителей', `до ${ddmm(addDays(today, -1))}`)].join('\n'),
    );
    const vsoko = (args: string[]) =>
      run(
        process.execPath,
        ['infra/scripts/run-ts.js', 'services/cli/src/main.ts', ...args, '--api', s.baseUrl],
        {
          cwd: ROOT,
          env: { ...process.env, VSOKO_TOKEN: token },
        },
      );
    const args = ['plan', 'import', file, '--school', schoolId, '--year', YEAR];
    const shown = await vsoko(args);
    expect(shown.stdout).toContain('Срок уже прошёл у 1 новых строк');
    const performedOn = addDays(today, -1);
    const { stdout } = await vsoko([...args, '--past', `performed:${performedOn}`, '--yes']);
    expect(stdout).toContain('отмечено проведёнными 1');
    const id = /(pl-[0-9a-f]{24})/.exec(shown.stdout)![1];
    const events = await s.store.readStream(`procedure-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
    expect(events[1].data).toMatchObject({ performedOn });
  });
});
