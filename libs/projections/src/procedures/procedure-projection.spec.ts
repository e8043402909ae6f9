import { events, history, lessons, parents } from '../../../domain/src/procedure/testing/fixtures';
import { anyProjection } from '../projection';
import { project, recorded } from '../testing/project';
import { procedureProjection } from './procedure-projection';

const procedures = anyProjection(procedureProjection);
const docOf = (given: Parameters<typeof recorded>[0], batchSize?: number) =>
  project(procedures, recorded(given), batchSize).get('p-vpr-4');

describe('procedures read model', () => {
  it('given a scheduling, then the plan row with its window, responsible and stage', () => {
    expect(docOf(history.scheduled)).toMatchObject({
      _id: 'p-vpr-4',
      _position: 1,
      stage: 'scheduled',
      schoolId: 'school-1',
      academicYear: '2023/24',
      title: 'ВПР по математике, 4 классы',
      window: { from: '2024-03-11', to: '2024-04-26' },
      responsibleKey: 'ivanova',
      overdue: false,
      revision: 0,
      scheduledBy: 'director-1',
    });
  });

  it('given a missed window, then the procedure is flagged overdue until it is performed', () => {
    const late = [...history.scheduled, events.stageOverdue()];
    expect(docOf(late)).toMatchObject({
      overdue: true,
      overdueStages: { performance: { dueDate: '2024-04-26', escalated: false } },
    });
    expect(docOf([...late, events.performed()])).toMatchObject({ stage: 'performed', overdue: false });
  });

  it('given the whole lifecycle, then each stage carries what was recorded at it', () => {
    const doc = docOf([
      ...history.followingUp,
      events.decisionOverdue(parents),
      events.executed('d-lessons'),
    ]);
    expect(doc).toMatchObject({
      stage: 'following-up',
      performance: { performedOn: '2024-04-16' },
      analysis: { document: { title: 'Аналитическая справка по итогам ВПР в 4 классах' } },
      discussion: { level: 'pedagogical-council', heldOn: '2024-04-26', protocolNumber: '5' },
      decisionCounts: { total: 2, open: 0, overdue: 1, executed: 1, cancelled: 0 },
      overdue: true,
      revision: 6,
    });
  });

  it('given a cancellation, then the stage and the reason', () => {
    expect(docOf(history.cancelled)).toMatchObject({
      stage: 'cancelled',
      cancelledInStatus: 'scheduled',
      cancellationReason: 'Процедура исключена из плана',
    });
  });

  it('given the same events in batches of any size, then the same document', () => {
    const all = [...history.followingUp, events.executed('d-lessons'), events.decisionCancelled('d-parents')];
    const once = docOf(all);
    for (const size of [1, 2, 3]) expect(docOf(all, size)).toEqual(once);
    expect(once).toMatchObject({ decisionCounts: { executed: 1, cancelled: 1 }, _position: 7 });
    expect(lessons.decisionId).toBe('d-lessons');
  });
});
