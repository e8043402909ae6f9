import { events, history, lessons, parents } from '../../../domain/src/procedure/testing/fixtures';
import { anyProjection } from '../projection';
import { project, recorded } from '../testing/project';
import { summarise, type SchoolYearKpi } from './kpi-document';
import { kpiProjection } from './kpi-projection';

const kpis = anyProjection(kpiProjection);
const zero = { total: 0, executedOnTime: 0, executedLate: 0, open: 0, overdue: 0, cancelled: 0 };
const kpiOf = (given: Parameters<typeof recorded>[0]) =>
  project(kpis, recorded(given)).get('school-1:2023/24');

describe('KPIs of a school year', () => {
  it('given adopted decisions, then all open', () => {
    expect(kpiOf(history.followingUp)).toMatchObject({
      schoolId: 'school-1',
      academicYear: '2023/24',
      counts: { total: 2, open: 2, overdue: 0, executedOnTime: 0, executedLate: 0, cancelled: 0 },
    });
  });

  it('given one on time and one overdue then executed late, then one of each', () => {
    const kpi = kpiOf([
      ...history.followingUp,
      events.executed('d-lessons', '2024-05-30'),
      events.decisionOverdue(parents),
      events.executed('d-parents', '2024-05-20'),
    ]);
    expect(kpi).toMatchObject({
      counts: { total: 2, executedOnTime: 1, executedLate: 1, overdue: 0, open: 0 },
    });
  });

  it('given an overdue decision and a cancelled one, then the cancelled one leaves the total', () => {
    const kpi = kpiOf([
      ...history.followingUp,
      events.decisionOverdue(lessons),
      events.decisionCancelled('d-parents'),
    ]);
    expect(kpi).toMatchObject({ counts: { total: 1, overdue: 1, cancelled: 1, open: 0 } });
    expect(kpi).toMatchObject({
      decisions: [
        { key: 'p-vpr-4:d-lessons', category: 'overdue', direction: 'results', responsibleKey: 'petrov' },
        { key: 'p-vpr-4:d-parents', category: 'cancelled', responsibleKey: 'teacher' },
      ],
    });
  });

  it('given decisions adopted, moved and cancelled, then the counts kept beside the list are those of the list', () => {
    const kpi = kpiOf([
      ...history.followingUp,
      events.decisionOverdue(lessons),
      events.executed('d-lessons', '2024-06-03'),
      events.decisionCancelled('d-parents'),
    ]) as SchoolYearKpi;
    const { counts, byDirection, byResponsible, byMonth } = summarise(kpi.decisions);
    expect({
      counts: kpi.counts,
      byDirection: kpi.byDirection,
      byResponsible: kpi.byResponsible,
      byMonth: kpi.byMonth,
    }).toEqual({ counts, byDirection, byResponsible, byMonth });
    expect(kpi.byResponsible.map((r) => [r.key, r.counts.total, r.counts.cancelled])).toEqual([
      ['petrov', 1, 0],
      ['teacher', 0, 1],
    ]);
  });

  it('given decisions due in May, one overdue and extended to June, then each month counts what is due in it', () => {
    const kpi = kpiOf([
      ...history.followingUp,
      events.decisionOverdue(lessons),
      {
        type: 'DecisionDeadlineExtended',
        data: {
          procedureId: 'p-vpr-4',
          decisionId: 'd-lessons',
          deadline: '2024-06-28',
          reason: 'Болезнь учителя',
        },
      },
      events.executed('d-parents', '2024-05-14'),
    ]) as SchoolYearKpi;
    expect(kpi.byMonth).toEqual([
      { month: '2024-05', counts: { ...zero, total: 1, executedOnTime: 1 } },
      { month: '2024-06', counts: { ...zero, total: 1, open: 1 } },
    ]);
  });
});
