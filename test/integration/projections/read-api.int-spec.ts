import ExcelJS from 'exceljs';
import type { Decision, ProcedureState } from '@vsoko/domain';
import { json, startServices, type Services } from '../harness';
import { ProcedureDriver } from './support/procedure-driver';
import { directorOf, liveProcedure, YEAR, ZONE } from './support/school-years';

const SCHOOL = 'school-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('read API: lists, history as of a date, reports', () => {
  let s: Services;
  let headers: Record<string, string>;
  let drivers: ProcedureDriver[];
  let head: number;

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    s = await startServices();
    headers = await s.loginAs('director', SCHOOL, { id: 'director-school-1' });
    drivers = [];
    for (let i = 0; i < 24; i++) drivers.push(await liveProcedure(s.store, SCHOOL, i));
    head = await s.store.headPosition();
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
  });

  const get = async (path: string) => {
    const res = await fetch(`${s.baseUrl}${path}`, { headers });
    return { status: res.status, body: await json(res) };
  };
  const decisionsOf = (state: ProcedureState): readonly Decision[] =>
    'followUp' in state && state.followUp ? state.followUp.decisions : [];
  const allDecisions = () =>
    drivers.flatMap((d) => decisionsOf(d.state).map((x) => ({ procedureId: d.procedureId, ...x })));

  it('lists the overdue decisions of one deputy this year, sorted by deadline, page by page', async () => {
    const expected = allDecisions()
      .filter((d) => d.responsible.personId === `deputy-${SCHOOL}` && d.status === 'open' && d.overdue)
      .sort(
        (a, b) =>
          a.deadline.localeCompare(b.deadline) ||
          `${a.procedureId}:${a.decisionId}`.localeCompare(`${b.procedureId}:${b.decisionId}`),
      );
    expect(expected.length).toBeGreaterThan(2);
    const query = `responsible=deputy-${SCHOOL}&status=overdue&academicYear=${encodeURIComponent(YEAR)}&sort=deadline`;
    const first = await get(`/decisions?${query}&page=1&pageSize=2&waitForPosition=${head}&timeoutMs=30000`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(expected.length);
    const items = [...first.body.items];
    for (let page = 2; items.length < expected.length; page++) {
      const next = await get(`/decisions?${query}&page=${page}&pageSize=2`);
      expect(next.body.items.length).toBeGreaterThan(0);
      items.push(...next.body.items);
    }
    expect(items.map((d) => d._id)).toEqual(expected.map((d) => `${d.procedureId}:${d.decisionId}`));
    expect(items[0]).toMatchObject({
      status: 'overdue',
      academicYear: YEAR,
      responsibleKey: `deputy-${SCHOOL}`,
    });
  });

  it('refuses unknown filters and bad values with 400', async () => {
    expect((await get('/decisions?status=late')).status).toBe(400);
    expect((await get('/decisions?colour=red')).status).toBe(400);
    expect((await get('/procedures?academicYear=2023')).status).toBe(400);
  });

  it('counts decisions executed on time, late, open and overdue as the recorded lives say', async () => {
    const decisions = allDecisions();
    const executed = decisions.filter((d) => d.status === 'executed');
    const onTime = executed.filter((d) => d.executed!.executedOn <= d.deadline).length;
    const res = await get(`/kpis?groupBy=school&academicYear=${encodeURIComponent(YEAR)}&schoolId=${SCHOOL}`);
    expect(res.status).toBe(200);
    expect(res.body.groups).toEqual([
      {
        key: SCHOOL,
        counts: {
          total: decisions.filter((d) => d.status !== 'cancelled').length,
          executedOnTime: onTime,
          executedLate: executed.length - onTime,
          open: decisions.filter((d) => d.status === 'open' && !d.overdue).length,
          overdue: decisions.filter((d) => d.status === 'open' && d.overdue).length,
          cancelled: decisions.filter((d) => d.status === 'cancelled').length,
        },
        shares: expect.any(Object),
      },
    ]);
    const byDirection = await get(`/kpis?groupBy=direction&schoolId=${SCHOOL}`);
    const total = byDirection.body.groups.reduce(
      (n: number, g: { counts: { total: number } }) => n + g.counts.total,
      0,
    );
    expect(total).toBe(res.body.groups[0].counts.total);
  });

  it('lists overdue procedures and the audit timeline of one procedure in log order', async () => {
    const overdue = await get(`/procedures?schoolId=${SCHOOL}&overdue=true&pageSize=200`);
    const expected = drivers.filter((d) =>
      decisionsOf(d.state).some((x) => x.status === 'open' && x.overdue),
    );
    expect(overdue.body.items.map((p: { _id: string }) => p._id).sort()).toEqual(
      expected.map((d) => d.procedureId).sort(),
    );
    const procedureId = drivers[1].procedureId;
    const stream = await s.store.readStream(`procedure-${procedureId}`);
    const audit = await get(`/audit?procedureId=${procedureId}&pageSize=200`);
    expect(audit.body.items.map((e: { _id: string }) => e._id)).toEqual(stream.map((e) => e.id));
    expect(audit.body.items[0].summary).toMatch(/^Запланирована процедура «Оценочная процедура № 1»/);
  });

  it("verifies one procedure's hash chain for an auditor of its school, and hides it from other schools", async () => {
    const procedureId = drivers[2].procedureId;
    const stream = await s.store.readStream(`procedure-${procedureId}`);
    const res = await get(`/procedures/${procedureId}/chain`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ procedureId, ok: true, events: stream.length, streams: 1 });
    expect(res.body.seal).toMatch(/^[0-9a-f]{64}$/);
    const stranger = await s.loginAs('auditor', 'school-2');
    const other = await fetch(`${s.baseUrl}/procedures/${procedureId}/chain`, { headers: stranger });
    expect(other.status).toBe(404);
    expect((await get('/procedures/never-scheduled/chain')).status).toBe(404);
  });

  it('answers the state of a procedure and of the plan as they stood at past moments, from the log', async () => {
    const p = new ProcedureDriver(s.store, 'as-of-1', SCHOOL);
    const director = directorOf(SCHOOL);
    const moments: { at: string; state: ProcedureState }[] = [];
    const mark = async () => {
      await sleep(5);
      moments.push({ at: new Date().toISOString(), state: structuredClone(p.state) });
      await sleep(5);
    };
    await mark();
    const procedureId = p.procedureId;
    await p.run(
      {
        type: 'ScheduleProcedure',
        data: {
          procedureId,
          schoolId: SCHOOL,
          academicYear: YEAR,
          title: 'Мониторинг адаптации пятиклассников',
          direction: 'process',
          responsible: { personId: 'psych-1', name: 'Педагог-психолог' },
          window: { from: '2023-10-02', to: '2023-10-20' },
          timeZone: ZONE,
        },
      },
      director,
      '2023-09-01T08:00:00Z',
    );
    await mark();
    await p.fire('stage-overdue');
    await mark();
    const by = { personId: 'psych-1', name: 'Педагог-психолог' };
    await p.run(
      {
        type: 'MarkProcedurePerformed',
        data: { procedureId, performedOn: '2023-10-25', performedBy: by, collected: ['Анкеты'] },
      },
      director,
      '2023-10-25T08:00:00Z',
    );
    await mark();
    await p.run(
      {
        type: 'RecordAnalysis',
        data: {
          procedureId,
          analysedOn: '2023-10-27',
          document: { title: 'Справка' },
          findings: ['Адаптация успешна у 90 %'],
        },
      },
      director,
      '2023-10-27T08:00:00Z',
    );
    await p.run(
      {
        type: 'RecordDiscussion',
        data: {
          procedureId,
          meeting: { level: 'director-meeting', heldOn: '2023-10-30', protocolNumber: '7' },
        },
      },
      director,
      '2023-10-30T08:00:00Z',
    );
    await p.run(
      {
        type: 'AdoptDecisions',
        data: {
          procedureId,
          decisions: [
            {
              decisionId: 'd1',
              wording: 'Провести консультации для родителей',
              deadline: '2023-11-20',
              responsible: by,
            },
          ],
        },
      },
      director,
      '2023-10-30T09:00:00Z',
    );
    await mark();
    await p.fire('decision-overdue', 'd1');
    await mark();
    await p.run(
      {
        type: 'ExecuteDecision',
        data: {
          procedureId,
          decisionId: 'd1',
          executedOn: '2023-11-24',
          evidence: { description: 'Протокол консультаций' },
        },
      },
      director,
      '2023-11-24T08:00:00Z',
    );
    await p.run({ type: 'CloseProcedure', data: { procedureId } }, director, '2023-11-24T09:00:00Z');
    await mark();

    expect((await get(`/procedures/${procedureId}/as-of?at=${moments[0].at}`)).status).toBe(404);
    for (const { at, state } of moments.slice(1)) {
      const res = await get(`/procedures/${procedureId}/as-of?at=${encodeURIComponent(at)}`);
      expect(res.status).toBe(200);
      expect(res.body.state).toEqual(state);
    }
    const statuses = moments.slice(1).map((m) => m.state.status);
    expect(statuses).toEqual([
      'scheduled',
      'scheduled',
      'performed',
      'following-up',
      'following-up',
      'closed',
    ]);

    // The same history by the events' own time: on 15.11.2023 the decision was adopted and not yet overdue.
    const occurred = await get(`/procedures/${procedureId}/as-of?at=2023-11-15T00:00:00Z&basis=occurred`);
    expect(occurred.body.state).toMatchObject({
      status: 'following-up',
      followUp: { decisions: [{ status: 'open', overdue: false }] },
    });

    await get(
      `/procedures?schoolId=${SCHOOL}&waitForPosition=${await s.store.headPosition()}&timeoutMs=30000`,
    );
    const plan = await get(
      `/schools/${SCHOOL}/plan/as-of?academicYear=${encodeURIComponent(YEAR)}&at=${encodeURIComponent(moments[3].at)}`,
    );
    expect(plan.status).toBe(200);
    expect(plan.body.procedures).toHaveLength(drivers.length + 1);
    const asOf = plan.body.procedures.find((x: { procedureId: string }) => x.procedureId === procedureId);
    expect(asOf.state).toEqual(moments[3].state);
    const before = await get(
      `/schools/${SCHOOL}/plan/as-of?academicYear=${encodeURIComponent(YEAR)}&at=${encodeURIComponent(moments[0].at)}`,
    );
    expect(before.body.procedures.map((x: { procedureId: string }) => x.procedureId)).not.toContain(
      procedureId,
    );
  });

  it('exports the use-of-results table (seed 002) as XLSX with Russian headers, widths and dd.mm.yyyy dates', async () => {
    const res = await fetch(
      `${s.baseUrl}/reports/decisions.xlsx?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Решения')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '№',
      'Уровень (совещание, совещание при директоре, педагогический совет, заседание ШМО)',
      'Дата',
      'Формулировка принятого решения',
      'Срок исполнения',
      'Ответственный',
      'Статус',
      'Дата исполнения',
    ]);
    expect(sheet.getColumn(4).width).toBe(60);
    const wording = 'Решение 1 по итогам процедуры № 1';
    const row = sheet
      .getRows(3, sheet.rowCount - 2)!
      .find((r) => String(r.getCell(4).value).endsWith(wording))!;
    const decision = decisionsOf(drivers[1].state)[0];
    expect(decision).toBeDefined();
    expect(row.getCell(5).value).toEqual(new Date(`${decision!.deadline}T00:00:00Z`));
    expect(row.getCell(5).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(7).value).toBe('исполнено с опозданием (4 дн.)');
    expect(row.getCell(8).value).toEqual(new Date(`${decision!.executed!.executedOn}T00:00:00Z`));
    const rows = sheet.rowCount - 2;
    // Every decision of the school's year: the 24 lives, and the one adopted in the as-of lifecycle above.
    expect(rows).toBe(allDecisions().length + 1);
  });

  it('exports the cyclogram (seed 003) with each procedure status, as XLSX and CSV', async () => {
    const q = `schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}`;
    const res = await fetch(`${s.baseUrl}/reports/cyclogram.xlsx?${q}`, { headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Циклограмма')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Месяц');
    expect(sheet.getRow(3).getCell(1).value).toBe('сентябрь');
    const cancelled = drivers.find((d) => d.state.status === 'cancelled')!;
    const title = 'title' in cancelled.state ? cancelled.state.title : '';
    const row = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(3).value === title)!;
    expect(row.getCell(8).value).toBe('отменена');

    const csv = await (await fetch(`${s.baseUrl}/reports/decisions.csv?${q}`, { headers })).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '№;Уровень (совещание, совещание при директоре, педагогический совет, заседание ШМО);Дата;Формулировка принятого решения;Срок исполнения;Ответственный;Статус;Дата исполнения',
    );
    expect(lines[1]).toMatch(/^1;[^;]+, протокол № \d+;\d{2}\.\d{2}\.\d{4};1\. /);
  });
});
