import { randomUUID } from 'node:crypto';
import * as nodeIcal from 'node-ical';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { CommandContext, ProcedureCommand } from '@vsoko/domain';
import {
  commandUpdate,
  PROCEDURES_TASK_QUEUE,
  procedureWorkflowId,
} from '@vsoko/workflows/procedure/definitions';
import { putAccount } from '../auth/accounts';
import { json } from '../harness';
import { day, startCalendarServices, waitFor, type CalendarServices } from './setup';

const SCHOOL = 'school-out-1';
const ZONE = 'Europe/Moscow';

describe('outbound iCalendar feeds of procedure windows and decision deadlines, read back by node-ical', () => {
  let s: CalendarServices;
  beforeAll(async () => {
    s = await startCalendarServices(SCHOOL);
    // The colleagues whose personal feeds the director issues: people of the school (another's would be refused).
    for (const login of ['ivanova', 'teacher.1'])
      await putAccount(s, { login, role: 'teacher', scope: SCHOOL, password: null });
  });
  afterAll(async () => {
    await s?.stopAll();
  });

  const director = { id: 'director-out', kind: 'user' as const, role: 'director' };
  const context = (): CommandContext => {
    const commandId = randomUUID();
    return {
      commandId,
      actor: director,
      issuedAt: new Date().toISOString(),
      correlationId: commandId,
      causationId: commandId,
      schoolId: SCHOOL,
    };
  };
  const send = (procedureId: string, command: ProcedureCommand) =>
    s.temporal.workflow.executeUpdateWithStart(commandUpdate, {
      args: [{ command, context: context() }],
      startWorkflowOperation: new WithStartWorkflowOperation('procedureWorkflow', {
        workflowId: procedureWorkflowId(procedureId),
        taskQueue: PROCEDURES_TASK_QUEUE,
        args: [{ procedureId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });

  /** A procedure carried to decisions: two decisions, one of them Ivanova's. */
  async function procedureWithDecisions(procedureId: string) {
    const academicYear = (() => {
      const y = Number(day(-6).slice(0, 4));
      const start = Number(day(-6).slice(5, 7)) >= 8 ? y : y - 1;
      return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    })();
    await send(procedureId, {
      type: 'ScheduleProcedure',
      data: {
        procedureId,
        schoolId: SCHOOL,
        academicYear,
        title: 'ВПР по математике, 4 классы',
        direction: 'results',
        responsible: { personId: 'ivanova', name: 'Иванова И. И.' },
        window: { from: day(-6), to: day(-5) },
        timeZone: ZONE,
      },
    });
    await send(procedureId, {
      type: 'MarkProcedurePerformed',
      data: {
        procedureId,
        performedOn: day(-4),
        performedBy: { personId: 'ivanova', name: 'Иванова И. И.' },
        collected: ['работы'],
      },
    });
    await send(procedureId, {
      type: 'RecordAnalysis',
      data: {
        procedureId,
        analysedOn: day(-3),
        document: { title: 'Аналитическая справка' },
        findings: ['Ошибки в задачах'],
      },
    });
    await send(procedureId, {
      type: 'RecordDiscussion',
      data: { procedureId, meeting: { level: 'pedagogical-council', heldOn: day(-2), protocolNumber: '3' } },
    });
    await send(procedureId, {
      type: 'AdoptDecisions',
      data: {
        procedureId,
        decisions: [
          {
            decisionId: 'd-lessons',
            wording: 'Провести дополнительные занятия',
            deadline: day(20),
            responsible: { personId: 'ivanova', name: 'Иванова И. И.' },
          },
          {
            decisionId: 'd-parents',
            wording: 'Провести родительское собрание',
            deadline: day(40),
            responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
          },
        ],
      },
    });
  }

  it('serves the school feed and a person’s feed behind tokens, every event checked', async () => {
    const main = `p-out-${randomUUID().slice(0, 8)}`;
    const other = `p-out-${randomUUID().slice(0, 8)}`;
    await procedureWithDecisions(main);
    await send(other, {
      type: 'ScheduleProcedure',
      data: {
        procedureId: other,
        schoolId: SCHOOL,
        academicYear: (
          await s.temporal.workflow
            .getHandle(procedureWorkflowId(main))
            .query<{ state: { academicYear: string } }>('snapshot')
        ).state.academicYear,
        title: 'Анкетирование родителей',
        direction: 'satisfaction',
        responsible: { role: 'teacher', name: 'Классные руководители' },
        window: { from: day(10), to: day(12) },
        timeZone: ZONE,
      },
    });
    await send(other, {
      type: 'CancelProcedure',
      data: { procedureId: other, reason: 'Перенесено на весну' },
    });
    await waitFor(
      async () => (await s.readStore.count('procedures', { schoolId: SCHOOL })) === 2,
      'the procedures read model',
    );

    const schoolToken = await json(await s.api('POST', `/calendar/schools/${SCHOOL}/tokens`));
    expect(schoolToken.token).toMatch(/^[\w-]{20,}$/);
    const feed = await fetch(`${s.baseUrl}${schoolToken.path}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = vevents(await feed.text());
    // Sorted like `vevents`: the procedure ids are random, so their order is not known in advance.
    expect(events).toEqual(
      [
        {
          uid: `decision-${main}-d-lessons@vsoko`,
          summary: 'Срок решения: Провести дополнительные занятия',
          start: day(20),
          end: day(21),
          status: 'CONFIRMED',
        },
        {
          uid: `decision-${main}-d-parents@vsoko`,
          summary: 'Срок решения: Провести родительское собрание',
          start: day(40),
          end: day(41),
          status: 'CONFIRMED',
        },
        {
          uid: `procedure-${main}@vsoko`,
          summary: 'ВСОКО: ВПР по математике, 4 классы',
          start: day(-6),
          end: day(-4),
          status: 'CONFIRMED',
        },
        {
          uid: `procedure-${other}@vsoko`,
          summary: 'ВСОКО: Анкетирование родителей',
          start: day(10),
          end: day(13),
          status: 'CANCELLED',
        },
      ].sort((a, b) => a.uid.localeCompare(b.uid)),
    );

    const personToken = await json(
      await s.api('POST', '/calendar/people/ivanova/tokens', { schoolId: SCHOOL }),
    );
    const mine = vevents(await (await fetch(`${s.baseUrl}${personToken.path}`)).text());
    expect(mine.map((e) => e.uid)).toEqual(
      [`decision-${main}-d-lessons@vsoko`, `procedure-${main}@vsoko`].sort((a, b) => a.localeCompare(b)),
    );

    // Tokens are scoped and stored only as hashes.
    expect(
      (await fetch(`${s.baseUrl}/calendar/schools/${SCHOOL}.ics?token=${personToken.token}`)).status,
    ).toBe(401);
    expect((await fetch(`${s.baseUrl}/calendar/schools/${SCHOOL}.ics`)).status).toBe(401);
    expect(
      (await fetch(`${s.baseUrl}/calendar/schools/other-school.ics?token=${schoolToken.token}`)).status,
    ).toBe(401);
    const stored = await s.db.collection('calendar_feed_tokens').find({}).toArray();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stored)).not.toContain(schoolToken.token);
  });

  it('issues a personal calendar for a login with a dot in it, as every real login has', async () => {
    const res = await s.api('POST', '/calendar/people/teacher.1/tokens', { schoolId: SCHOOL });
    expect(res.status).toBe(201);
    const { path } = await json(res);
    expect(path).toMatch(/^\/calendar\/people\/teacher\.1\.ics\?token=/);
    const feed = await fetch(`${s.baseUrl}${path}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  });
});

function vevents(ics: string) {
  return Object.values(nodeIcal.sync.parseICS(ics))
    .filter((e): e is nodeIcal.VEvent => e?.type === 'VEVENT')
    .map((e) => ({
      uid: e.uid,
      summary: e.summary,
      start: localDay(e.start),
      end: localDay(e.end!),
      status: e.status,
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
}

/** node-ical gives all-day dates as local midnight. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
