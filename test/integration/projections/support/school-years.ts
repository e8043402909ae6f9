import {
  addDays,
  DIRECTIONS,
  MEETING_LEVELS,
  type Actor,
  type AdoptedDecision,
  type Responsible,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { ProcedureDriver } from './procedure-driver';

export const ZONE = 'Asia/Yekaterinburg';
export const YEAR = '2023/24';

export const directorOf = (schoolId: string): Actor => ({
  id: `director-${schoolId}`,
  kind: 'user',
  role: 'director',
  name: 'Директор',
});

export const deputyOf = (schoolId: string): Responsible => ({
  personId: `deputy-${schoolId}`,
  role: 'deputy',
  name: 'Заместитель директора по УВР',
});

/** 08:00 UTC, mid-afternoon in Yekaterinburg: the day's facts are in the past, deadlines that day are not. */
const on = (date: string): string => `${date}T08:00:00.000Z`;

/** Month `k` (0 = September 2023 … 8 = May 2024) as a window of that month. */
function windowOf(k: number): { from: string; to: string } {
  const month = ((8 + k) % 12) + 1;
  const year = k < 4 ? 2023 : 2024;
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-20` };
}

/**
 * The life of procedure `i` of a school, varied by `i`: some cancelled, some late, some noted without decisions,
 * decisions executed on time, late, after an extension, or left overdue and escalated.
 */
export async function liveProcedure(store: EventStore, schoolId: string, i: number, districtId?: string) {
  const director = directorOf(schoolId);
  const p = new ProcedureDriver(store, `${schoolId}-p${i}`, schoolId, districtId ? { districtId } : {});
  const window = windowOf(i % 9);
  const responsible: Responsible = {
    personId: `teacher-${schoolId}-${i % 5}`,
    role: 'teacher',
    name: `Учитель ${i % 5}`,
  };
  await p.run(
    {
      type: 'ScheduleProcedure',
      data: {
        procedureId: p.procedureId,
        schoolId,
        academicYear: YEAR,
        title: `Оценочная процедура № ${i}`,
        direction: DIRECTIONS[i % DIRECTIONS.length],
        method: 'Анализ',
        resultForm: 'Аналитическая справка',
        responsible,
        window,
        timeZone: ZONE,
      },
    },
    director,
    on('2023-08-28'),
  );
  if (i % 11 === 10) {
    await p.run(
      { type: 'CancelProcedure', data: { procedureId: p.procedureId, reason: 'Исключена из плана' } },
      director,
      on('2023-08-30'),
    );
    return p;
  }
  let performedOn = addDays(window.from, 3);
  if (i % 6 === 5) {
    await p.fire('stage-overdue');
    performedOn = addDays(window.to, 2);
  }
  const procedureId = p.procedureId;
  await p.run(
    {
      type: 'MarkProcedurePerformed',
      data: { procedureId, performedOn, performedBy: responsible, collected: ['Работы учащихся'] },
    },
    director,
    on(performedOn),
  );
  const analysedOn = addDays(performedOn, 2);
  await p.run(
    {
      type: 'RecordAnalysis',
      data: {
        procedureId,
        analysedOn,
        document: { title: `Аналитическая справка № ${i}` },
        findings: ['Выводы'],
      },
    },
    director,
    on(analysedOn),
  );
  const heldOn = addDays(analysedOn, 3);
  const meeting = { level: MEETING_LEVELS[i % MEETING_LEVELS.length], heldOn, protocolNumber: String(i + 1) };
  await p.run({ type: 'RecordDiscussion', data: { procedureId, meeting } }, director, on(heldOn));
  if (i % 8 === 7) {
    await p.run({ type: 'NoteResultsWithoutDecision', data: { procedureId } }, director, on(heldOn));
    await p.run({ type: 'CloseProcedure', data: { procedureId } }, director, on(heldOn));
    return p;
  }
  const decisions: AdoptedDecision[] = Array.from({ length: 2 + (i % 2) }, (_, k) => ({
    decisionId: `d${k + 1}`,
    wording: `Решение ${k + 1} по итогам процедуры № ${i}`,
    deadline: addDays(heldOn, 20 + 10 * k),
    responsible: k === 0 ? deputyOf(schoolId) : responsible,
  }));
  await p.run({ type: 'AdoptDecisions', data: { procedureId, decisions } }, director, on(heldOn));
  let allResolved = true;
  for (const [k, d] of decisions.entries()) {
    const { decisionId, deadline } = d;
    const evidence = { description: `Приказ № ${i}-${k + 1}` };
    switch ((i + k) % 4) {
      case 0: {
        const executedOn = addDays(deadline, -5);
        await p.run(
          { type: 'ExecuteDecision', data: { procedureId, decisionId, executedOn, evidence } },
          director,
          on(executedOn),
        );
        break;
      }
      case 1: {
        await p.fire('decision-overdue', decisionId);
        const executedOn = addDays(deadline, 4);
        await p.run(
          { type: 'ExecuteDecision', data: { procedureId, decisionId, executedOn, evidence } },
          director,
          on(executedOn),
        );
        break;
      }
      case 2: {
        const extendedOn = addDays(deadline, -2);
        const newDeadline = addDays(deadline, 30);
        await p.run(
          {
            type: 'ExtendDecisionDeadline',
            data: { procedureId, decisionId, deadline: newDeadline, reason: 'Перенос сроков' },
          },
          director,
          on(extendedOn),
        );
        const executedOn = addDays(newDeadline, -1);
        await p.run(
          { type: 'ExecuteDecision', data: { procedureId, decisionId, executedOn, evidence } },
          director,
          on(executedOn),
        );
        break;
      }
      default:
        await p.fire('decision-overdue', decisionId);
        await p.fire('escalation', decisionId);
        allResolved = false;
    }
  }
  if (allResolved) await p.run({ type: 'CloseProcedure', data: { procedureId } }, director, on('2024-07-01'));
  return p;
}

/** `schools` × `perSchool` procedure lives; returns the log's head position. */
export async function recordSchoolYears(
  store: EventStore,
  options: { schools: number; perSchool: number; districtOf?: (school: number) => string },
): Promise<number> {
  for (let s = 0; s < options.schools; s++) {
    const schoolId = `school-${s + 1}`;
    for (let i = 0; i < options.perSchool; i++) {
      await liveProcedure(store, schoolId, i, options.districtOf?.(s));
    }
  }
  return store.headPosition();
}
