import type { Direction } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';
import { emptyCounts, type KpiCategory, type KpiCounts, type KpiSummary } from './kpi-document';
import type { DecisionRecordKpi } from '../decision-records/decision-record-kpis';
import { groupKpis, NO_DIRECTION, NO_DISTRICT, NO_DUE_MONTH } from './kpi-groups';
import { KPI_ROLLUPS } from './kpi-rollups';

/** A school year's document as its roll-up builds it, one decision after the other. */
function schoolYear(
  schoolId: string,
  districtId: string | null,
  academicYear: string,
  decisions: [KpiCategory, Direction, string, string?][],
): KpiSummary {
  const rollup = KPI_ROLLUPS[0];
  let doc: ProjectedDocument | null = null;
  for (const [category, direction, responsible, deadline] of decisions)
    doc = rollup.apply(
      doc,
      {
        id: `${schoolId}:${academicYear}`,
        category,
        direction,
        schoolId,
        districtId,
        academicYear,
        responsibleKey: responsible,
        responsibleName: `Имя ${responsible}`,
        month: (deadline ?? '2024-05-31').slice(0, 7),
      },
      1,
    );
  return doc as KpiSummary;
}

const docs = [
  schoolYear('school-1', 'district-1', '2023/24', [
    ['executedOnTime', 'results', 'petrov'],
    ['executedLate', 'process', 'petrov', '2023-11-20'],
    ['overdue', 'results', 'deputy', '2023-12-01'],
    ['cancelled', 'results', 'deputy'],
  ]),
  schoolYear('school-1', 'district-1', '2024/25', [['open', 'results', 'petrov']]),
  schoolYear('school-2', null, '2023/24', [
    ['executedOnTime', 'conditions', 'deputy'],
    ['open', 'results', 'deputy'],
  ]),
];

describe('KPI groups', () => {
  it('given school years, when grouped by school, then their counts are summed per school with shares of the counted', () => {
    expect(groupKpis(docs, 'school')).toEqual([
      {
        key: 'school-1',
        counts: { total: 4, executedOnTime: 1, executedLate: 1, open: 1, overdue: 1, cancelled: 1 },
        shares: { executedOnTime: 0.25, executedLate: 0.25, open: 0.25, overdue: 0.25 },
      },
      {
        key: 'school-2',
        counts: { total: 2, executedOnTime: 1, executedLate: 0, open: 1, overdue: 0, cancelled: 0 },
        shares: { executedOnTime: 0.5, executedLate: 0, open: 0.5, overdue: 0 },
      },
    ]);
  });

  it('when grouped by district, then a school without a district is counted under «без района»', () => {
    expect(groupKpis(docs, 'district').map((g) => [g.key, g.counts.total])).toEqual([
      ['district-1', 4],
      [NO_DISTRICT, 2],
    ]);
  });

  it('when grouped by year, then each academic year sums its schools', () => {
    expect(groupKpis(docs, 'year').map((g) => [g.key, g.counts.total, g.counts.executedOnTime])).toEqual([
      ['2023/24', 5, 2],
      ['2024/25', 1, 0],
    ]);
  });

  it('when grouped by direction, then each decision counts under its procedure direction across schools', () => {
    const groups = groupKpis(docs, 'direction');
    expect(groups.map((g) => [g.key, g.counts.total, g.counts.cancelled])).toEqual([
      ['conditions', 1, 0],
      ['process', 1, 0],
      ['results', 4, 1],
    ]);
    expect(groups.every((g) => g.name === undefined)).toBe(true);
  });

  it('when grouped by responsible, then the same role in two schools is two groups, named as the plan wrote it', () => {
    expect(groupKpis(docs, 'responsible').map((g) => [g.key, g.name, g.counts.total])).toEqual([
      ['school-1:deputy', 'Имя deputy', 1],
      ['school-1:petrov', 'Имя petrov', 3],
      ['school-2:deputy', 'Имя deputy', 2],
    ]);
  });

  it('when grouped by month, then each decision counts under the month its deadline falls in, across schools', () => {
    expect(
      groupKpis(docs, 'month').map((g) => [g.key, g.counts.total, g.counts.executedLate, g.counts.overdue]),
    ).toEqual([
      ['2023-11', 1, 1, 0],
      ['2023-12', 1, 0, 1],
      ['2024-05', 4, 0, 0],
    ]);
  });

  describe('given decisions adopted at meetings in a school year', () => {
    const counts = (over: Partial<KpiCounts>): KpiCounts => ({ ...emptyCounts(), ...over });
    const meetings: DecisionRecordKpi = {
      _id: 'school-1:2023/24',
      _position: 9,
      schoolId: 'school-1',
      academicYear: '2023/24',
      counts: counts({ total: 2, executedOnTime: 1, overdue: 1 }),
      byResponsible: [
        { key: 'petrov', name: 'Имя petrov', counts: counts({ total: 1, executedOnTime: 1 }) },
        { key: 'sokolova', name: 'Соколова', counts: counts({ total: 1, overdue: 1 }) },
      ],
      byMonth: [
        { month: '2023-12', counts: counts({ total: 1, executedOnTime: 1 }) },
        { month: NO_DUE_MONTH, counts: counts({ total: 1, overdue: 1 }) },
      ],
      awaitingReview: 1,
      verdicts: { effective: 0, partly: 0, 'not-effective': 0 },
      assessed: 0,
    };
    const by = (groupBy: Parameters<typeof groupKpis>[1]) =>
      groupKpis(docs, groupBy, [meetings]).map((g) => [g.key, g.counts.total, g.counts.executedOnTime]);

    it('then the school, its district and the year count them with the procedures’ decisions', () => {
      expect(by('school')).toEqual([
        ['school-1', 6, 2],
        ['school-2', 2, 1],
      ]);
      expect(by('district')).toEqual([
        ['district-1', 6, 2],
        [NO_DISTRICT, 2, 1],
      ]);
      expect(by('year')).toEqual([
        ['2023/24', 7, 3],
        ['2024/25', 1, 0],
      ]);
    });

    it('then they have a direction group of their own, so the directions add up to the school', () => {
      expect(by('direction')).toEqual([
        ['conditions', 1, 1],
        ['process', 1, 0],
        ['results', 4, 1],
        [NO_DIRECTION, 2, 1],
      ]);
    });

    it('then their lead executors join the procedures’ responsibles of the same key, and their months the months', () => {
      expect(by('responsible')).toEqual([
        ['school-1:deputy', 1, 0],
        ['school-1:petrov', 4, 2],
        ['school-1:sokolova', 1, 0],
        ['school-2:deputy', 2, 1],
      ]);
      expect(by('month')).toEqual([
        ['2023-11', 1, 0],
        ['2023-12', 2, 1],
        ['2024-05', 4, 2],
        [NO_DUE_MONTH, 1, 0],
      ]);
    });
  });

  it('given only cancelled decisions, then shares are zero rather than a division by zero', () => {
    const [group] = groupKpis(
      [schoolYear('school-3', null, '2023/24', [['cancelled', 'results', 'x']])],
      'school',
    );
    expect(group.shares).toEqual({ executedOnTime: 0, executedLate: 0, open: 0, overdue: 0 });
  });
});
