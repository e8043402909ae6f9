import { spec } from '../../testing';
import type { PlanEvent, PlannedProcedure } from '../events';
import { evolvePlan, initialPlanState, type PlanState } from '../state';
import { adoptionOutcome, decideAdoption, type AdoptionCommand, type AdoptionContext } from './adopt';
import type { TemplateEvent } from './events';
import { publishTemplate, templateOf, templateRow } from './testing';

const math = templateRow('r-math', '2031-04-01', '2031-04-30');
const russian = templateRow('r-russian', '2031-04-01', '2031-04-30');
const history = templateRow('r-history', '2031-03-01', '2031-03-31');
const biology = templateRow('r-biology', '2031-03-01', '2031-03-31');
const mathInMay = { ...math, window: { from: '2031-05-01', to: '2031-05-31' } };

const v1: TemplateEvent = {
  type: 'TemplatePublished',
  data: { ...publishTemplate([math, russian, history]).data, version: 1 },
};
/** Version 2: mathematics moved to May, Russian removed, biology added. */
const v2: TemplateEvent = {
  type: 'TemplateRevised',
  data: {
    ...publishTemplate([mathInMay, history, biology]).data,
    version: 2,
    changes: { added: [], rescheduled: [], cancelled: [], amended: [], unchanged: 0 },
  },
};

const ctx = (events: TemplateEvent[], importId = 'imp-1'): AdoptionContext => ({
  template: templateOf(events),
  planId: 'plan-school-1-2030-31',
  importId,
  procedureIdOf: (rowKey) => `pl-school-1-${rowKey}`,
});
const adopt = (rows?: string[], version?: number): AdoptionCommand => ({
  type: 'AdoptTemplate',
  data: {
    schoolId: 'school-1',
    templateId: 'vpr',
    ...(rows ? { rows } : {}),
    ...(version ? { version } : {}),
  },
});
const accept = (rows?: string[]): AdoptionCommand => ({
  type: 'AcceptTemplateRevision',
  data: { schoolId: 'school-1', templateId: 'vpr', ...(rows ? { rows } : {}) },
});

const plan = spec(decideAdoption, evolvePlan, initialPlanState);
const fold = (events: PlanEvent[]): PlanState => events.reduce(evolvePlan, initialPlanState);
const ownProcedure: PlannedProcedure = {
  ...templateRow('own', '2030-09-01', '2030-09-30'),
  procedureId: 'pl-own',
};
const ownPlan: PlanEvent = {
  type: 'PlanApproved',
  data: { planId: 'p', importId: 'imp-own', procedures: [ownProcedure], changes: diffNone() },
};

function diffNone() {
  return { added: [], rescheduled: [], cancelled: [], amended: [], unchanged: 0 };
}

/** The plan events of a school that adopted mathematics and history from version 1. */
const adoptedSubset = (): PlanEvent[] =>
  decideAdoption(adopt(['r-math', 'r-history']), fold([ownPlan]), ctx([v1]));

describe('adopting a district template into a school plan', () => {
  describe('given a plan of the school’s own, and version 1 published', () => {
    it('when the school adopts two rows, then they are added beside its own procedures, ids per school and row', () => {
      const events = adoptedSubset();
      expect(events).toMatchObject([
        { type: 'PlanImported', data: { templateId: 'vpr', templateVersion: 1, procedures: 2 } },
        {
          type: 'PlanApproved',
          data: {
            changes: { added: ['pl-school-1-r-math', 'pl-school-1-r-history'], cancelled: [] },
            template: { templateId: 'vpr', version: 1, rowKeys: ['r-math', 'r-history'] },
          },
        },
      ]);
      const after = events.reduce(evolvePlan, fold([ownPlan]));
      expect(after.procedures.map((p) => [p.procedureId, p.templateId])).toEqual([
        ['pl-own', undefined],
        ['pl-school-1-r-math', 'vpr'],
        ['pl-school-1-r-history', 'vpr'],
      ]);
    });

    it('when it adopts without naming rows, then every row of the version is adopted', () => {
      const [, approved] = decideAdoption(adopt(), fold([ownPlan]), ctx([v1]));
      expect(approved.type === 'PlanApproved' && approved.data.template?.rowKeys).toEqual([
        'r-math',
        'r-russian',
        'r-history',
      ]);
    });

    it('when it adopts a version that does not exist, then it is refused', () => {
      plan
        .given([ownPlan])
        .when(adopt(undefined, 3), ctx([v1]))
        .thenThrows('TEMPLATE_VERSION_NOT_FOUND');
    });

    it('when it names a row the template does not have, then it is refused', () => {
      plan
        .given([ownPlan])
        .when(adopt(['r-math', 'r-chess']), ctx([v1]))
        .thenThrows('TEMPLATE_ROW_NOT_FOUND');
    });

    it('when it accepts a revision of a template it never adopted, then it is refused', () => {
      plan
        .given([ownPlan])
        .when(accept(), ctx([v1, v2]))
        .thenThrows('TEMPLATE_NOT_ADOPTED');
    });
  });

  it('given no published template, when a school adopts it, then it is not found', () => {
    plan.given([]).when(adopt(), ctx([])).thenThrows('TEMPLATE_NOT_FOUND');
  });

  describe('given the school adopted two rows of version 1', () => {
    it('when it adopts the same rows again, then nothing is recorded', () => {
      plan
        .given([ownPlan, ...adoptedSubset()])
        .when(adopt(['r-history', 'r-math']), ctx([v1]))
        .thenNothing();
    });

    it('when version 2 is accepted, then mathematics moves, biology is added, Russian (never adopted) stays out', () => {
      const state = fold([ownPlan, ...adoptedSubset()]);
      const outcome = adoptionOutcome(accept(), state, ctx([v1, v2], 'imp-2'))!;
      expect(outcome.changes).toEqual({
        added: ['pl-school-1-r-biology'],
        rescheduled: [{ procedureId: 'pl-school-1-r-math', from: math.window, to: mathInMay.window }],
        cancelled: [],
        amended: [],
        unchanged: 1,
      });
      expect(outcome.planProcedures.map((p) => p.procedureId)).toEqual([
        'pl-own',
        'pl-school-1-r-math',
        'pl-school-1-r-history',
        'pl-school-1-r-biology',
      ]);
    });

    it('when a row it adopted is removed from the template, then it is cancelled with a reason naming the revision', () => {
      const v3: TemplateEvent = {
        type: 'TemplateRevised',
        data: { ...publishTemplate([mathInMay, biology]).data, version: 3, changes: diffNone() },
      };
      const outcome = adoptionOutcome(accept(), fold([ownPlan, ...adoptedSubset()]), ctx([v1, v2, v3]))!;
      expect(outcome.changes.cancelled).toEqual([
        {
          procedureId: 'pl-school-1-r-history',
          reason: 'Строка удалена из шаблона «Мониторинг ВПР» (версия 3)',
        },
      ]);
    });

    it('when it accepts version 2 choosing Russian too, then Russian is added', () => {
      const outcome = adoptionOutcome(
        accept(['r-biology']),
        fold([ownPlan, ...adoptedSubset()]),
        ctx([v1, v2]),
      );
      expect(outcome?.adoption.rowKeys).toEqual(['r-math', 'r-history', 'r-biology']);
      plan
        .given([ownPlan, ...adoptedSubset()])
        .when(accept(['r-russian']), ctx([v1, v2]))
        .thenThrows('TEMPLATE_ROW_NOT_FOUND');
    });

    it('when it accepts version 2 twice, then the second time nothing is recorded', () => {
      const accepted = decideAdoption(accept(), fold([ownPlan, ...adoptedSubset()]), ctx([v1, v2], 'imp-2'));
      expect(accepted).toHaveLength(2);
      plan
        .given([ownPlan, ...adoptedSubset(), ...accepted])
        .when(accept(), ctx([v1, v2], 'imp-3'))
        .thenNothing();
    });

    it('when it adopts an older version than the one it holds, then it is refused', () => {
      const accepted = decideAdoption(accept(), fold([ownPlan, ...adoptedSubset()]), ctx([v1, v2], 'imp-2'));
      plan
        .given([ownPlan, ...adoptedSubset(), ...accepted])
        .when(adopt(undefined, 1), ctx([v1, v2]))
        .thenThrows('TEMPLATE_VERSION_OUTDATED');
    });

    it('when it narrows its choice, then the dropped row is cancelled as excluded by the school', () => {
      const outcome = adoptionOutcome(adopt(['r-math']), fold([ownPlan, ...adoptedSubset()]), ctx([v1]));
      expect(outcome?.changes.cancelled).toEqual([
        {
          procedureId: 'pl-school-1-r-history',
          reason: 'Строка шаблона «Мониторинг ВПР» исключена из плана школы',
        },
      ]);
    });
  });
});
