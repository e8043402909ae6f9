import { addDays, type Actor, type Direction, type Responsible } from '@vsoko/domain';
import type { Services } from '../../../test/integration/harness';
import { json, type JsonBody } from '../../../test/integration/harness';
import { ProcedureDriver } from '../../../test/integration/projections/support/procedure-driver';

/*
 * A school's year written to the log as the domain would have recorded it (the same commands through the
 * procedure decider), for the screens that show what already happened.
 */

export const ZONE = 'Europe/Moscow';
export const at = (date: string) => `${date}T07:00:00.000Z`;

export interface SchoolSeed {
  s: Services;
  schoolId: string;
  academicYear: string;
  director: Actor;
  /** Recorded in each event's metadata, as the API does from the directory: the district's KPIs count by it. */
  districtId?: string;
}

export async function scheduled(
  seed: SchoolSeed,
  id: string,
  title: string,
  direction: Direction,
  responsible: Responsible,
  window: { from: string; to: string },
  /** When the plan was written; ten days before the window by default. */
  scheduledOn = addDays(window.from, -10),
): Promise<ProcedureDriver> {
  const p = new ProcedureDriver(
    seed.s.store,
    `${seed.schoolId}-${id}`,
    seed.schoolId,
    seed.districtId ? { districtId: seed.districtId } : {},
  );
  await p.run(
    {
      type: 'ScheduleProcedure',
      data: {
        procedureId: p.procedureId,
        schoolId: seed.schoolId,
        academicYear: seed.academicYear,
        title,
        direction,
        method: 'Анализ документов',
        resultForm: 'Аналитическая справка',
        responsible,
        window,
        timeZone: ZONE,
      },
    },
    seed.director,
    at(scheduledOn),
  );
  return p;
}

/** Performed, analysed and discussed at a педсовет that adopts one decision with the given deadline. */
export async function runToDecision(
  seed: SchoolSeed,
  p: ProcedureDriver,
  performedOn: string,
  decision: { wording: string; deadline: string; responsible: Responsible },
): Promise<void> {
  const procedureId = p.procedureId;
  const by = seed.director;
  const performedBy = p.state.status === 'scheduled' ? p.state.responsible : decision.responsible;
  await p.run(
    {
      type: 'MarkProcedurePerformed',
      data: { procedureId, performedOn, performedBy, collected: ['Работы учащихся'] },
    },
    by,
    at(performedOn),
  );
  const analysedOn = addDays(performedOn, 2);
  await p.run(
    {
      type: 'RecordAnalysis',
      data: {
        procedureId,
        analysedOn,
        document: { title: 'Аналитическая справка' },
        findings: ['Выводы приняты'],
      },
    },
    by,
    at(analysedOn),
  );
  const heldOn = addDays(analysedOn, 2);
  await p.run(
    {
      type: 'RecordDiscussion',
      data: { procedureId, meeting: { level: 'pedagogical-council', heldOn, protocolNumber: '2' } },
    },
    by,
    at(heldOn),
  );
  await p.run(
    {
      type: 'AdoptDecisions',
      data: {
        procedureId,
        decisions: [{ decisionId: 'd1', ...decision }],
      },
    },
    by,
    at(heldOn),
  );
}

/**
 * Posts to the API as `headers` (a signed-in person's), for set-up a screen would otherwise have to repeat: answers
 * the body, and fails the test on anything but a 2xx, with the server's own answer.
 */
export function apiPost(
  s: Pick<Services, 'baseUrl'>,
  headers: Record<string, string>,
): (path: string, body: unknown) => Promise<JsonBody> {
  return async (path, body) => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

/** A meeting decision (its own stream) adopted, executed and judged by the director over the API. */
export async function judgedDecision(
  s: Services,
  headers: Record<string, string>,
  ids: { meetingId: string; decisionId: string },
  academicYear: string,
  heldOn: string,
  verdict: 'effective' | 'partly' | 'not-effective',
): Promise<void> {
  const post = apiPost(s, headers);
  await post('/meetings', {
    id: ids.meetingId,
    academicYear,
    level: 'pedagogical-council',
    date: { precision: 'day', date: heldOn },
    timeZone: ZONE,
    agenda: [{ itemId: 'item-1', title: 'Итоги мониторинга' }],
  });
  await post(`/meetings/${ids.meetingId}/held`, {
    minutes: [{ itemId: 'item-1', heard: 'Об итогах мониторинга', decisionIds: [ids.decisionId] }],
  });
  await post(`/meetings/${ids.meetingId}/decisions`, {
    id: ids.decisionId,
    number: 1,
    wording: 'Организовать методический семинар по формирующему оцениванию',
    executors: { lead: { role: 'deputy', name: 'Заместитель директора по УВР' } },
    deadline: {
      asWritten: `до ${heldOn.slice(8, 10)}.${heldOn.slice(5, 7)}.${Number(heldOn.slice(0, 4)) + 1}`,
    },
  });
  await post(`/decisions/${ids.decisionId}/execution`, { executedOn: addDays(heldOn, 5) });
  await post(`/decisions/${ids.decisionId}/effectiveness`, {
    verdict,
    indicator: 'Доля уроков с формирующим оцениванием: 70 % (цель 60 %)',
    assessedOn: addDays(heldOn, 10),
  });
}

/**
 * A procedure created and run over the API (so its workflow runs and later commands reach it): scheduled,
 * performed, analysed, discussed at a педсовет, one decision adopted. Dates must not lie in the future.
 */
export async function apiProcedureWithDecision(
  s: Services,
  headers: Record<string, string>,
  p: {
    id: string;
    schoolId: string;
    academicYear: string;
    title: string;
    direction: Direction;
    responsible: Responsible;
    window: { from: string; to: string };
    performedOn?: string;
    decision?: { wording: string; deadline: string; responsible: Responsible };
  },
): Promise<number> {
  let position = 0;
  const send = apiPost(s, headers);
  const post = async (path: string, body: unknown) => {
    const answer = await send(path, body);
    if (typeof answer.position === 'number') position = Math.max(position, answer.position);
  };
  await post('/procedures', {
    id: p.id,
    schoolId: p.schoolId,
    academicYear: p.academicYear,
    title: p.title,
    direction: p.direction,
    method: 'Анализ документов',
    resultForm: 'Аналитическая справка',
    responsible: p.responsible,
    window: p.window,
    timeZone: ZONE,
  });
  if (!p.performedOn || !p.decision) return position;
  await post(`/procedures/${p.id}/performed`, {
    performedOn: p.performedOn,
    performedBy: { name: p.responsible.name },
    collected: ['Работы учащихся'],
  });
  await post(`/procedures/${p.id}/analysis`, {
    analysedOn: p.performedOn,
    document: { title: 'Аналитическая справка' },
    findings: ['Выводы приняты'],
  });
  await post(`/procedures/${p.id}/discussion`, {
    meeting: { level: 'pedagogical-council', heldOn: p.performedOn, protocolNumber: '2' },
  });
  await post(`/procedures/${p.id}/decisions`, {
    decisions: [{ decisionId: 'd1', ...p.decision }],
  });
  return position;
}
