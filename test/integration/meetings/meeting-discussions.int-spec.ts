import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { recordHistory } from '../../../workflows/testing/histories';
import { meetingDiscussionsWorkflowId } from '../../../workflows/meeting/definitions';
import type { MeetingDiscussionsReport } from '../../../workflows/meeting/definitions';
import { json, startServices, type JsonBody, type Services } from '../harness';

const SCHOOL = 'school-md';
const YEAR = '2023/24';
const TZ = 'Europe/Moscow';

/**
 * Issue 13, item 2: one held педсовет that discusses three procedures gives each of them its discussed stage,
 * with that meeting's protocol number and id — one meeting, not three, in the procedures and in the report.
 */
describe('a held meeting gives every procedure on its agenda its discussed stage', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingId = `m-${tag}`;
  const procedureIds = ['vpr-4', 'vpr-5', 'gia-9'].map((p) => `${p}-${tag}`);
  const notReady = `not-analysed-${tag}`;

  const post = async (path: string, body: unknown, expected = [200, 201]): Promise<JsonBody> => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (!expected.includes(res.status)) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return answer;
  };
  const schedule = (id: string) =>
    post('/procedures', {
      id,
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: `Процедура ${id}`,
      direction: 'results',
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
      window: { from: '2023-09-01', to: '2023-09-30' },
      timeZone: TZ,
    });

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    for (const id of procedureIds) {
      await schedule(id);
      await post(`/procedures/${id}/performed`, {
        performedOn: '2023-09-20',
        performedBy: { name: 'Иванова А. П.' },
        collected: ['Работы учащихся'],
      });
      await post(`/procedures/${id}/analysis`, {
        analysedOn: '2023-09-25',
        document: { title: `Аналитическая справка ${id}` },
        findings: ['Качество знаний ниже прошлогоднего'],
      });
    }
    await schedule(notReady);
    await post('/meetings', {
      id: meetingId,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'month', month: '2023-09' },
      timeZone: TZ,
      agenda: [...procedureIds, notReady].map((procedureId, n) => ({
        itemId: `item-${n + 1}`,
        title: `Итоги ${procedureId}`,
        procedureId,
      })),
    });
    await post(`/meetings/${meetingId}/held`, {});
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('records the discussed stage of each of the three procedures from that one meeting', async () => {
    const handle = s.temporal.workflow.getHandle(meetingDiscussionsWorkflowId(meetingId));
    const report = (await handle.result()) as MeetingDiscussionsReport;
    await recordHistory(
      'meeting-discussions',
      await handle.fetchHistory(),
      path.join(__dirname, '../../../workflows/meeting/histories'),
    );
    expect(report.outcomes).toEqual([
      ...procedureIds.map((procedureId) => ({ procedureId, outcome: 'discussed' })),
      expect.objectContaining({ procedureId: notReady, outcome: 'refused', code: 'STAGE_OUT_OF_ORDER' }),
    ]);
    for (const id of procedureIds) {
      const [event] = (await s.store.readStream(`procedure-${id}`)).filter(
        (e) => e.type === 'DiscussionRecorded',
      );
      expect(event.data).toEqual({
        procedureId: id,
        meeting: {
          level: 'pedagogical-council',
          heldOn: expect.stringMatching(/^2023-09-\d\d$/),
          protocolNumber: '1',
          meetingId,
          dateAsWritten: 'Сентябрь 2023',
        },
      });
      expect(event.metadata.actor).toMatchObject({ kind: 'system' });
      head = Math.max(head, event.position);
    }
  });

  it('answers GET /meetings/:id/discussions with the procedure that refused the stage and why', async () => {
    const res = await fetch(`${s.baseUrl}/meetings/${meetingId}/discussions`, { headers: director });
    expect(res.status).toBe(200);
    const view = await json(res);
    expect(view).toMatchObject({ meetingId, run: 'completed' });
    expect(view.procedures).toEqual([
      ...procedureIds.map((procedureId) => ({
        procedureId,
        title: `Процедура ${procedureId}`,
        outcome: 'discussed',
      })),
      expect.objectContaining({ procedureId: notReady, outcome: 'refused', code: 'STAGE_OUT_OF_ORDER' }),
    ]);
    expect(view.refused).toEqual([
      expect.objectContaining({
        procedureId: notReady,
        title: `Процедура ${notReady}`,
        code: 'STAGE_OUT_OF_ORDER',
        message: expect.stringMatching(/[а-яё]/i),
      }),
    ]);

    // Another school's director: the meeting does not exist for them; a meeting only planned has no run yet.
    const other = await s.loginAs('director', 'school-md-stranger');
    const foreign = await fetch(`${s.baseUrl}/meetings/${meetingId}/discussions`, { headers: other });
    expect([foreign.status, (await json(foreign)).code]).toEqual([404, 'MEETING_NOT_FOUND']);
    const planned = `m-planned-${tag}`;
    await post('/meetings', {
      id: planned,
      academicYear: YEAR,
      level: 'director-meeting',
      date: { precision: 'month', month: '2023-10' },
      timeZone: TZ,
      agenda: [{ itemId: 'item-1', title: 'Итоги', procedureId: notReady }],
    });
    const notHeld = await json(
      await fetch(`${s.baseUrl}/meetings/${planned}/discussions`, { headers: director }),
    );
    expect(notHeld).toEqual({ meetingId: planned, run: 'not-held', procedures: [], refused: [] });
  });

  it('shows the meeting’s id and protocol number in each procedure’s read model', async () => {
    for (const id of procedureIds) {
      const res = await fetch(`${s.baseUrl}/procedures/${id}?waitForPosition=${head}&timeoutMs=30000`, {
        headers: director,
      });
      const procedure = await json(res);
      expect(procedure).toMatchObject({
        stage: 'discussed',
        discussion: { meetingId, protocolNumber: '1', level: 'pedagogical-council' },
      });
    }
  });

  it('lists the meeting once in GET /reports/meetings.csv and .xlsx', async () => {
    const query = `schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`;
    const csv = await fetch(`${s.baseUrl}/reports/meetings.csv?${query}`, { headers: director });
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([['1', 'Педагогический совет', 'Сентябрь 2023']]);
    const xlsx = await fetch(`${s.baseUrl}/reports/meetings.xlsx?${query}`, { headers: director });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const levels: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) levels.push(row.getCell(2).value);
    });
    expect(levels).toEqual(['Педагогический совет']);
  });

  it('holding again (a retried request) discusses nothing twice', async () => {
    const before = await Promise.all(procedureIds.map((id) => s.store.readStream(`procedure-${id}`)));
    const again = await s.temporal.workflow.execute('meetingDiscussionsWorkflow', {
      workflowId: `${meetingDiscussionsWorkflowId(meetingId)}-again`,
      taskQueue: 'procedures',
      args: [{ meetingId }],
    });
    // The same command ids: each procedure workflow recognises its command and answers its recorded outcome.
    expect((again as MeetingDiscussionsReport).outcomes.slice(0, 3)).toEqual(
      procedureIds.map((procedureId) => ({ procedureId, outcome: 'discussed' })),
    );
    const after = await Promise.all(procedureIds.map((id) => s.store.readStream(`procedure-${id}`)));
    expect(after.map((e) => e.length)).toEqual(before.map((e) => e.length));
  });

  it('refuses an agenda naming another school’s procedure, as if it did not exist', async () => {
    const other = await s.loginAs('director', 'school-md-other');
    const res = await fetch(`${s.baseUrl}/meetings`, {
      method: 'POST',
      headers: { ...other, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `m-other-${tag}`,
        academicYear: YEAR,
        level: 'pedagogical-council',
        date: { precision: 'month', month: '2023-09' },
        timeZone: TZ,
        agenda: [{ itemId: 'item-1', title: 'Чужая процедура', procedureId: procedureIds[0] }],
      }),
    });
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('PROCEDURE_NOT_FOUND');
  });
});
