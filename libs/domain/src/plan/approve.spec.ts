import type { CommandContext } from '../shared';
import { planStreamName } from '../streams';
import { spec } from '../testing/decider-spec';
import type { ApprovePlanImport } from './approve';
import { planDecider } from './decider';
import { diffPlan } from './diff';
import type { PlanApproved, PlanEvent, PlannedProcedure } from './events';
import { copyPlanToNextYear } from './next-year';
import type { PastWindowChoices } from './past-windows';

const YEAR = '2023/24';
const SCHOOL = 'school-1';
const PLAN = planStreamName(SCHOOL, YEAR);
const ZONE = 'Europe/Moscow';
/** 2 December 2023, 10:00 in Moscow: September–November have ended. */
const NOW = '2023-12-02T07:00:00.000Z';

const planned = (id: string, from: string, to: string, extra: Partial<PlannedProcedure> = {}) => ({
  procedureId: id,
  rowKey: `k-${id}`,
  sourceRow: 1,
  title: `Процедура ${id}`,
  direction: 'results' as const,
  responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
  window: { from, to },
  occurrence: { index: 1, of: 1 },
  ...extra,
});
const september = planned('sep', '2023-09-01', '2023-09-30');
const october = planned('oct', '2023-10-01', '2023-10-31');
const december = planned('dec', '2023-12-01', '2023-12-31');
const may = planned('may', '2024-05-01', '2024-05-31');
const source = { fileName: 'plan.docx', format: 'docx' as const, sha256: 'abc', rows: 10 };

const approve = (
  importId: string,
  procedures: PlannedProcedure[],
  pastWindows?: PastWindowChoices,
): ApprovePlanImport => ({
  type: 'ApprovePlanImport',
  data: {
    importId,
    schoolId: SCHOOL,
    academicYear: YEAR,
    source,
    procedures,
    unscheduled: [],
    warnings: 0,
    timeZone: ZONE,
    ...(pastWindows ? { pastWindows } : {}),
  },
});
const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({
  commandId: 'c-1',
  actor: { id: 'director-1', kind: 'user', role: 'director' },
  issuedAt: NOW,
  correlationId: 'imp-1',
  causationId: 'imp-1',
  schoolId: SCHOOL,
  ...over,
});
const imported = (importId: string, procedures: number): PlanEvent => ({
  type: 'PlanImported',
  data: {
    planId: PLAN,
    schoolId: SCHOOL,
    academicYear: YEAR,
    importId,
    source,
    procedures,
    unscheduled: [],
    warnings: 0,
  },
});
const approved = (
  importId: string,
  procedures: PlannedProcedure[],
  before: PlannedProcedure[] = [],
  extra: Partial<PlanApproved['data']> = {},
): PlanEvent => ({
  type: 'PlanApproved',
  data: { planId: PLAN, importId, procedures, changes: diffPlan(before, procedures), ...extra },
});

const plan = planDecider();
const planSpec = spec(plan.decide, plan.evolve, plan.initialState);

describe('no plan approved yet', () => {
  const given = planSpec.given([]);

  it('approving a file before the year has begun records the import and the plan, nothing in the past', () => {
    given
      .when(approve('imp-1', [december, may]), ctx({ issuedAt: '2023-08-20T07:00:00.000Z' }))
      .then([imported('imp-1', 2), approved('imp-1', [december, may])]);
  });

  it("approving next year's plan copied from last year's keeps each row's link to its predecessor", () => {
    const copied = copyPlanToNextYear({
      schoolId: SCHOOL,
      fromYear: '2022/23',
      procedures: [
        planned('dec-22', '2022-12-01', '2022-12-31'),
        planned('may-23', '2023-05-01', '2023-05-31'),
      ],
      procedureIdOf: (rowKey, year) => `${rowKey}-${year}`,
    }).rows.map((r) => r.procedure);
    const from = { ...source, fileName: 'План ВСОКО 2022/23', format: 'plan' as const };
    const command = approve('imp-next', copied);
    const state = given
      .when(
        { ...command, data: { ...command.data, source: from } },
        ctx({ issuedAt: '2023-08-20T07:00:00.000Z' }),
      )
      .then([
        { ...imported('imp-next', 2), data: { ...imported('imp-next', 2).data, source: from } } as PlanEvent,
        approved('imp-next', copied),
      ]);
    expect(state.procedures.map((p) => [p.window, p.predecessor?.procedureId, p.lineageId])).toEqual([
      [{ from: '2023-12-01', to: '2023-12-31' }, 'dec-22', 'dec-22'],
      [{ from: '2024-05-01', to: '2024-05-31' }, 'may-23', 'may-23'],
    ]);
  });

  it('approving mid-year keeps the rows whose window has ended as overdue, watched in groups of five', () => {
    const many = Array.from({ length: 7 }, (_, i) => planned(`p${i}`, '2023-09-01', `2023-09-${10 + i}`));
    const events = given.when(approve('imp-1', [...many, december]), ctx()).then;
    const watch = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
    events([
      imported('imp-1', 8),
      approved('imp-1', [...many, december], [], {
        pastWindows: many.map((p, i) => ({
          procedureId: p.procedureId,
          action: 'overdue' as const,
          watchFrom: watch(i < 5 ? 0 : 10),
        })),
      }),
    ]);
  });

  it('records the director’s choice per row or for all: performed on a date, cancelled with a reason', () => {
    given
      .when(
        approve('imp-1', [september, october, december], {
          all: { action: 'performed', performedOn: '2023-10-20' },
          rows: { sep: { action: 'cancelled', reason: 'Не проводилась: приказ № 12' } },
        }),
        ctx(),
      )
      .then([
        imported('imp-1', 3),
        approved('imp-1', [september, october, december], [], {
          pastWindows: [
            { procedureId: 'sep', action: 'cancelled', reason: 'Не проводилась: приказ № 12' },
            { procedureId: 'oct', action: 'performed', performedOn: '2023-10-20' },
          ],
        }),
      ]);
  });

  it('refuses a choice for a row that is not in the past, a date to come, a cancellation without reason', () => {
    given
      .when(approve('imp-1', [september, december], { rows: { dec: { action: 'overdue' } } }), ctx())
      .thenThrows('PAST_ROW_UNKNOWN');
    given
      .when(approve('imp-1', [september], { all: { action: 'performed', performedOn: '2023-12-20' } }), ctx())
      .thenThrows('DATE_IN_FUTURE');
    given
      .when(approve('imp-1', [september], { all: { action: 'performed', performedOn: '2023-07-20' } }), ctx())
      .thenThrows('DATE_BEFORE_ACADEMIC_YEAR');
    given
      .when(approve('imp-1', [september], { all: { action: 'cancelled', reason: ' ' } }), ctx())
      .thenThrows('REASON_REQUIRED');
  });

  it('is approved only by the administration of the same school', () => {
    given
      .when(approve('imp-1', [may]), ctx({ actor: { id: 't', kind: 'user', role: 'teacher' } }))
      .thenThrows('ACTOR_NOT_ALLOWED');
    given.when(approve('imp-1', [may]), ctx({ schoolId: 'school-2' })).thenThrows('SCHOOL_MISMATCH');
  });
});

describe('an approved plan', () => {
  const template = planned('tpl', '2024-03-01', '2024-03-31', { templateId: 'vpr' });
  const given = planSpec.given([imported('imp-1', 2), approved('imp-1', [october, may, template])]);

  it('approving the same import again records nothing', () => {
    given.when(approve('imp-1', [october, may]), ctx()).thenNothing();
  });

  it('a revised file replaces the school’s own rows, keeps the template’s, and asks nothing about old rows', () => {
    const moved = { ...may, window: { from: '2024-04-01', to: '2024-04-30' } };
    given.when(approve('imp-2', [october, moved]), ctx()).then([
      imported('imp-2', 2),
      {
        type: 'PlanApproved',
        data: {
          planId: PLAN,
          importId: 'imp-2',
          procedures: [template, october, moved],
          changes: diffPlan([october, may], [october, moved]),
        },
      },
    ]);
  });
});
