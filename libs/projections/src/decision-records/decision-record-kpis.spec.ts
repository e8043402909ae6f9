import { decisionStreamName, type DecisionStreamEvent } from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { adopted, events } from '../../../domain/src/decision/testing/fixtures';
import { InMemoryProjector } from '../in-memory-projector';
import { anyProjection } from '../projection';
import { recorded } from '../testing/project';
import { NO_DUE_MONTH } from '../kpis/kpi-groups';
import { DECISION_RECORD_KPI_COLLECTION, type DecisionRecordKpi } from './decision-record-kpis';
import { decisionRecordProjection } from './decision-record-projection';

const YEAR = '2023/24';
const ID = `school-1:${YEAR}`;

/** `decisionId`'s events as its own stream records them (the fixtures are one decision, d-programme). */
function of(decisionId: string, given: readonly DecisionStreamEvent[]): DecisionStreamEvent[] {
  return given.map((e) => ({ ...e, data: { ...e.data, decisionId } }) as DecisionStreamEvent);
}

function log(given: readonly DecisionStreamEvent[]): RecordedEvent[] {
  return recorded(given).map((e) => ({
    ...e,
    streamName: decisionStreamName((e.data as { decisionId: string }).decisionId),
  }));
}

function rollups(given: readonly DecisionStreamEvent[], batchSize?: number) {
  const all = log(given);
  const projector = new InMemoryProjector([anyProjection(decisionRecordProjection)]);
  const size = batchSize ?? all.length;
  for (let i = 0; i < all.length; i += size) projector.apply(all.slice(i, i + size));
  return projector.collections.get(DECISION_RECORD_KPI_COLLECTION)!;
}

const school = (given: readonly DecisionStreamEvent[]) => rollups(given).get(ID) as DecisionRecordKpi;

const effective = (decisionId: string): DecisionStreamEvent => ({
  type: 'EffectivenessAssessed',
  data: { decisionId, verdict: 'effective', indicator: 'Программа утверждена', assessedOn: '2024-01-20' },
});

/** A педсовет adopts three decisions; the first is executed by its day and judged effective. */
const council: DecisionStreamEvent[] = [
  ...of('d-1', [events.adopted({ number: 1 })]),
  ...of('d-2', [events.adopted({ number: 2 })]),
  ...of('d-3', [events.adopted({ number: 3 })]),
  ...of('d-1', [events.executed('2023-12-20')]),
  effective('d-1'),
];

describe('decision records counted per school year (kpis_decision_records)', () => {
  describe('given decisions adopted at a meeting', () => {
    it('then the school year counts them open, beside the procedures’ decisions’ categories', () => {
      expect(school(council.slice(0, 3))).toEqual({
        _id: ID,
        _position: 3,
        schoolId: 'school-1',
        academicYear: YEAR,
        counts: { total: 3, open: 3, overdue: 0, executedOnTime: 0, executedLate: 0, cancelled: 0 },
        byResponsible: [
          {
            key: 'vinogradova',
            name: 'Виноградова В. А., зам. директора по УВР',
            counts: { total: 3, open: 3, overdue: 0, executedOnTime: 0, executedLate: 0, cancelled: 0 },
          },
        ],
        byMonth: [
          {
            month: '2023-12',
            counts: { total: 3, open: 3, overdue: 0, executedOnTime: 0, executedLate: 0, cancelled: 0 },
          },
        ],
        awaitingReview: 0,
        verdicts: { effective: 0, partly: 0, 'not-effective': 0 },
        assessed: 0,
      });
    });

    it('then one executed by its day counts on time and waits for a verdict, until it is judged', () => {
      expect(school(council.slice(0, 4))).toMatchObject({
        counts: { total: 3, open: 2, executedOnTime: 1, executedLate: 0 },
        awaitingReview: 1,
        assessed: 0,
      });
      expect(school(council)).toMatchObject({
        _position: 5,
        counts: { total: 3, open: 2, executedOnTime: 1 },
        awaitingReview: 0,
        verdicts: { effective: 1, partly: 0, 'not-effective': 0 },
        assessed: 1,
      });
    });
  });

  describe('given a deadline', () => {
    it('then a decision executed after its day counts late', () => {
      expect(school([events.adopted(), events.executed('2024-01-10')]).counts).toMatchObject({
        executedOnTime: 0,
        executedLate: 1,
      });
    });

    it('then one whose deadline was marked missed counts overdue, and late once executed', () => {
      expect(school([events.adopted(), events.missed()]).counts).toMatchObject({ open: 0, overdue: 1 });
      expect(school([events.adopted(), events.missed(), events.executed('2023-12-30')]).counts).toMatchObject(
        { overdue: 0, executedLate: 1 },
      );
    });

    it('then a standing decision (no day due) executed counts on time', () => {
      const standing = events.adopted({
        deadline: {
          asWritten: 'Постоянно',
          parsed: { kind: 'standing', every: 'month', from: '2023-09-15' },
        },
      });
      expect(school([standing, events.executed('2024-03-01')]).counts).toMatchObject({ executedOnTime: 1 });
    });
  });

  describe('given decisions of several lead executors and deadlines', () => {
    const deputy = { role: 'deputy', name: 'Зам.директора по УВР' };
    const given: DecisionStreamEvent[] = [
      ...of('d-1', [events.adopted({ number: 1 })]),
      ...of('d-2', [
        events.adopted({
          number: 2,
          executors: { lead: deputy, coExecutors: [] },
          deadline: {
            asWritten: 'Постоянно',
            parsed: { kind: 'standing', every: 'month', from: '2023-09-15' },
          },
        }),
      ]),
      ...of('d-1', [events.executed('2023-12-20')]),
    ];

    it('then each lead executor counts their own, keyed as the procedures’ responsibles are', () => {
      expect(school(given).byResponsible).toEqual([
        {
          key: 'vinogradova',
          name: 'Виноградова В. А., зам. директора по УВР',
          counts: expect.objectContaining({ total: 1, executedOnTime: 1, open: 0 }),
        },
        {
          key: 'deputy',
          name: 'Зам.директора по УВР',
          counts: expect.objectContaining({ total: 1, open: 1 }),
        },
      ]);
    });

    it('then each month of the day due counts its decisions, and the ones with no day due count apart', () => {
      expect(school(given).byMonth).toEqual([
        { month: '2023-12', counts: expect.objectContaining({ total: 1, executedOnTime: 1 }) },
        { month: NO_DUE_MONTH, counts: expect.objectContaining({ total: 1, open: 1 }) },
      ]);
    });

    it('then a reassigned decision moves to its new lead executor', () => {
      const reassigned: DecisionStreamEvent = {
        type: 'DecisionReassigned',
        data: {
          decisionId: 'd-1',
          previous: adopted.executors,
          executors: { lead: deputy, coExecutors: [] },
          reason: 'Сотрудник уволился',
        },
      } as DecisionStreamEvent;
      expect(school([...given, reassigned]).byResponsible).toEqual([
        {
          key: 'vinogradova',
          name: 'Виноградова В. А., зам. директора по УВР',
          counts: expect.objectContaining({ total: 0, executedOnTime: 0 }),
        },
        {
          key: 'deputy',
          name: 'Зам.директора по УВР',
          counts: expect.objectContaining({ total: 2, executedOnTime: 1, open: 1 }),
        },
      ]);
    });
  });

  describe('given a decision judged not effective', () => {
    it('then it is in work again and counted with its verdict', () => {
      expect(school([events.adopted(), events.executed(), events.notEffective()])).toMatchObject({
        counts: { total: 1, open: 1, executedOnTime: 0 },
        awaitingReview: 0,
        verdicts: { 'not-effective': 1 },
        assessed: 1,
      });
    });
  });

  describe('given a decision withdrawn', () => {
    it('then it counts as cancelled and not in the total', () => {
      expect(school([events.adopted(), events.withdrawn()]).counts).toEqual({
        total: 0,
        open: 0,
        overdue: 0,
        executedOnTime: 0,
        executedLate: 0,
        cancelled: 1,
      });
    });
  });

  it('keeps each school year apart', () => {
    const docs = rollups([
      ...council,
      ...of('d-4', [events.adopted({ schoolId: 'school-2' })]),
      ...of('d-5', [events.adopted({ academicYear: '2024/25' })]),
    ]);
    expect([...docs.keys()].sort()).toEqual([ID, 'school-1:2024/25', `school-2:${YEAR}`]);
    expect((docs.get(`school-2:${YEAR}`) as DecisionRecordKpi).counts.total).toBe(1);
    expect((docs.get(ID) as DecisionRecordKpi).counts.total).toBe(3);
  });

  it('writes the same documents whatever the batch size', () => {
    const whole = rollups(council);
    for (const size of [1, 2, 3]) expect(rollups(council, size)).toEqual(whole);
  });
});
