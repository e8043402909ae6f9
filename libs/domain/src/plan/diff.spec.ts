import { CANCELLED_BY_REVISION, diffPlan, isEmptyChange } from './diff';
import type { PlannedProcedure } from './events';
import { planStreamName } from '../streams';
import { evolvePlan, initialPlanState } from './state';

const planned = (
  id: string,
  from: string,
  to: string,
  extra: Partial<PlannedProcedure> = {},
): PlannedProcedure => ({
  procedureId: id,
  rowKey: `k-${id}`,
  sourceRow: 1,
  title: `Процедура ${id}`,
  direction: 'results',
  responsible: { role: 'director', name: 'Директор' },
  window: { from, to },
  occurrence: { index: 1, of: 1 },
  ...extra,
});

describe('plan revision', () => {
  const a = planned('a', '2023-09-01', '2023-09-30');
  const b = planned('b', '2023-10-01', '2023-10-31');

  describe('given no approved plan', () => {
    it('when a plan is imported, then every procedure is added', () => {
      expect(diffPlan([], [a, b])).toMatchObject({
        added: ['a', 'b'],
        rescheduled: [],
        cancelled: [],
        unchanged: 0,
      });
    });
  });

  describe('given an approved plan', () => {
    const state = evolvePlan(initialPlanState, {
      type: 'PlanApproved',
      data: { planId: 'p', importId: 'imp-1', procedures: [a, b], changes: diffPlan([], [a, b]) },
    });

    it('when the same plan is imported again, then nothing changes', () => {
      const changes = diffPlan(state.procedures, [a, b]);
      expect(changes.unchanged).toBe(2);
      expect(isEmptyChange(changes)).toBe(true);
    });

    it('when a row moves, is removed or is added, then it is rescheduled, cancelled with a reason, added', () => {
      const moved = { ...a, window: { from: '2023-11-01', to: '2023-11-30' } };
      const c = planned('c', '2024-01-01', '2024-01-31');
      expect(diffPlan(state.procedures, [moved, c])).toEqual({
        added: ['c'],
        rescheduled: [{ procedureId: 'a', from: a.window, to: moved.window }],
        cancelled: [{ procedureId: 'b', reason: CANCELLED_BY_REVISION }],
        amended: [],
        unchanged: 0,
      });
    });

    it('when only the wording changes, then it is reported as amended', () => {
      expect(diffPlan(state.procedures, [{ ...a, resultForm: 'Приказ' }, b]).amended).toEqual(['a']);
    });
  });

  it('names one stream per school and academic year', () => {
    expect(planStreamName('school-1', '2023/24')).toBe('plan-school-1-2023-24');
  });
});
