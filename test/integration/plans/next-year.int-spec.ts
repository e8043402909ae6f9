import { academicYearOf, localDateOf, nextAcademicYear, nextWorkingDay, workingDaysOf } from '@vsoko/domain';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { schoolCalendarOf } from '../../fixtures/plans/school-calendar';
import { json, startServices, type JsonBody, type Services } from '../harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const YEAR = academicYearOf(localDateOf(Date.now(), 'Europe/Moscow'));
const NEXT = nextAcademicYear(YEAR)!;
const START = Number(YEAR.slice(0, 4));
const CSV = [
  '№;Мероприятие;Срок;Ответственный;Результат',
  '1;ВПР по математике в 4 классах;октябрь;Заместитель директора по УВР;Аналитическая справка',
  '2;Мониторинг адаптации пятиклассников;март;Заместитель директора по УВР;Аналитическая справка',
  '3;Анкетирование родителей;май;Заместитель директора по УВР;Аналитическая справка',
  '4;Анализ успеваемости;по итогам I четверти;Заместитель директора по УВР;Аналитическая справка',
].join('\n');
/** The school's calendar for next year: its I четверть and holidays are not the shipped default's. */
const CALENDAR = schoolCalendarOf(START + 1);
const DAYS = workingDaysOf([CALENDAR]);

/**
 * Issue 15, item 4, on the real stack: this year's approved plan → next year's preview (dates carried over,
 * each row linked to its predecessor) → approval through the plan's own import approval and its durable
 * fan-out → procedures scheduled with predecessor links → the lineage of a row across the two years, with the
 * figures of this year's analysis, in one query. The CLI gives the same preview.
 */
describe("next year's plan from this one", () => {
  let s: Services;
  let director: Record<string, string>;
  let stranger: Record<string, string>;
  const schoolId = `school-${randomUUID().slice(0, 8)}`;
  let head = 0;

  const call = async (method: string, url: string, body?: unknown, who = director) => {
    const res = await fetch(`${s.baseUrl}${url}`, {
      method,
      headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, body: answer };
  };

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', schoolId, { id: `director-${schoolId}` });
    stranger = await s.loginAs('director', `other-${schoolId}`);
  });
  afterAll(async () => {
    await s?.stop();
  });

  let october: string;
  let preview: JsonBody;

  it("approves this year's plan, the October row performed and analysed with figures", async () => {
    const form = new FormData();
    form.append('file', new Blob([CSV]), 'plan.csv');
    form.append('schoolId', schoolId);
    form.append('academicYear', YEAR);
    const uploaded = await json(
      await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: director, body: form }),
    );
    october = (uploaded.procedures as JsonBody[]).find((p) => p.title.startsWith('ВПР'))!.procedureId;
    const past = (uploaded.pastWindows as JsonBody[]).map((p) => p.procedureId);
    const approved = await call('POST', `/plans/imports/${uploaded.importId}/approve`, {
      pastWindows: {
        rows: past.map((procedureId) => ({
          procedureId,
          action: 'performed',
          performedOn: `${START}-10-20`,
        })),
      },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.failed).toEqual([]);
    if (!past.includes(october)) {
      // Before October the row is still ahead: perform it as the deputy would.
      await call('POST', `/procedures/${october}/performed`, {
        performedOn: localDateOf(Date.now(), 'Europe/Moscow'),
        performedBy: { name: 'Кузнецова Н. С.' },
        collected: ['Работы'],
      });
    }
    const analysed = await call('POST', `/procedures/${october}/analysis`, {
      analysedOn: localDateOf(Date.now(), 'Europe/Moscow'),
      document: { title: 'Справка по итогам ВПР' },
      findings: ['Качество знаний 58 %'],
      figures: [{ indicator: 'Качество знаний', value: 58, unit: '%' }],
    });
    expect(analysed.status).toBe(200);
  });

  it('previews next year by its school calendar: months moved off days off, «I четверть» read again, each row linked to its predecessor; writes no event', async () => {
    const { academicYear: _year, ...calendar } = CALENDAR;
    const set = await call('PUT', `/schools/${schoolId}/calendars/${NEXT.replace('/', '-')}`, calendar);
    expect(set.status).toBe(200);
    const before = await s.store.headPosition();
    const res = await call('POST', '/plans/next-year', { schoolId, fromYear: YEAR });
    expect(res.status).toBe(200);
    preview = res.body;
    expect(preview).toMatchObject({
      schoolId,
      academicYear: NEXT,
      source: { format: 'plan' },
      nextYear: { fromYear: YEAR, calendarApplied: true, templateRowsLeftOut: 0 },
    });
    const rows = preview.nextYear.rows as JsonBody[];
    // A month keeps its month, each end moved to the school's next working day (autumn holidays, weekends).
    const months = [
      [`${START + 1}-10-01`, `${START + 1}-10-31`],
      [`${START + 2}-03-01`, `${START + 2}-03-31`],
      [`${START + 2}-05-01`, `${START + 2}-05-31`],
    ];
    const [q1] = CALENDAR.terms;
    expect(rows.map((r) => [r.title, r.window, r.shift])).toEqual([
      ...[
        'ВПР по математике в 4 классах',
        'Мониторинг адаптации пятиклассников',
        'Анкетирование родителей',
      ].map((title, i) => [
        title,
        { from: nextWorkingDay(DAYS, months[i][0]), to: nextWorkingDay(DAYS, months[i][1]) },
        'months',
      ]),
      ['Анализ успеваемости', { from: q1.from, to: q1.to }, 'period'],
    ]);
    months.forEach(([from, to], i) => {
      const moved = nextWorkingDay(DAYS, from) !== from || nextWorkingDay(DAYS, to) !== to;
      expect(rows[i].flags.some((f: JsonBody) => f.code === 'CALENDAR_MOVED')).toBe(moved);
    });
    const ru = (d: string) => d.split('-').reverse().join('.');
    expect(rows[3].flags).toEqual([
      {
        code: 'PERIOD_BY_CALENDAR',
        message: `Срок «по итогам I четверти» — I четверть по календарю школы: ${ru(q1.from)} — ${ru(q1.to)}`,
      },
    ]);
    expect(rows[0].predecessorId).toBe(october);
    expect(preview.changes.added).toHaveLength(4);
    expect(await s.store.headPosition()).toBe(before);
    // Another school's director cannot copy this school's plan.
    expect((await call('POST', '/plans/next-year', { schoolId, fromYear: YEAR }, stranger)).status).toBe(403);
    // A year without an approved plan has nothing to copy.
    expect((await call('POST', '/plans/next-year', { schoolId, fromYear: NEXT })).body.code).toBe(
      'PLAN_NOT_APPROVED',
    );
  });

  it('gives the same preview through the CLI (--dry-run --json)', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        'infra/scripts/run-ts.js',
        'services/cli/src/main.ts',
        'plans',
        'next-year',
        '--school',
        schoolId,
        '--from',
        YEAR,
        '--dry-run',
        '--json',
        '--api',
        s.baseUrl,
      ],
      { cwd: ROOT, env: { ...process.env, VSOKO_TOKEN: director.Authorization.slice('Bearer '.length) } },
    );
    const cli = JSON.parse(stdout) as JsonBody;
    expect(cli.importId).toBe(preview.importId);
    expect(cli.nextYear.rows.map((r: JsonBody) => r.procedureId)).toEqual(
      preview.nextYear.rows.map((r: JsonBody) => r.procedureId),
    );
  });

  it('approves it through the plan approval: procedures scheduled with predecessor links, lineage in one query', async () => {
    const approved = await call('POST', `/plans/imports/${preview.importId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.scheduled).toHaveLength(4);
    expect(approved.body.failed).toEqual([]);
    const next = (preview.nextYear.rows as JsonBody[])[0].procedureId as string;
    const [scheduled] = await s.store.readStream(`procedure-${next}`);
    expect(scheduled.data).toMatchObject({
      academicYear: NEXT,
      window: (preview.nextYear.rows as JsonBody[])[0].window,
      predecessor: { procedureId: october, academicYear: YEAR, title: 'ВПР по математике в 4 классах' },
      lineageId: october,
    });
    const plan = await s.store.readStream(`plan-${schoolId}-${NEXT.replace('/', '-')}`);
    expect(plan.map((e) => e.type)).toEqual(['PlanImported', 'PlanApproved']);
    head = Math.max(head, scheduled.position, ...plan.map((e) => e.position));

    const lineage = await call('GET', `/procedures/${next}/lineage?waitForPosition=${head}&timeoutMs=30000`);
    expect(lineage.status).toBe(200);
    expect(lineage.body).toMatchObject({ lineage: october });
    expect(lineage.body.years.map((y: JsonBody) => [y.academicYear, y.procedureId, y.predecessorId])).toEqual(
      [
        [YEAR, october, null],
        [NEXT, next, october],
      ],
    );
    expect(lineage.body.years[0].figures).toEqual([{ indicator: 'Качество знаний', value: 58, unit: '%' }]);
    // The same chain asked from last year's end.
    const fromLastYear = await call('GET', `/procedures/${october}/lineage`);
    expect(fromLastYear.body.years).toHaveLength(2);
    expect((await call('GET', `/procedures/${next}/lineage`, undefined, stranger)).status).toBe(404);
  });
});
