import type { ProcedureEvent } from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { events, history, lessons, parents } from '../../../domain/src/procedure/testing/fixtures';
import { decisionProjection } from '../decisions/decision-projection';
import { procedureProjection } from '../procedures/procedure-projection';
import { InMemoryProjector } from '../in-memory-projector';
import { anyProjection, collectionsOf, type ProjectedDocument } from '../projection';
import { Projector } from '../projector';
import type { ReadStore } from '../store/read-store';
import { SqliteReadStore } from '../store/sqlite-read-store';
import { WriteBackStore } from '../store/write-back-store';
import { recorded, type GivenEvent } from '../testing/project';
import {
  DISTRICT_ANSWERS,
  DISTRICT_KPI_COLLECTION,
  districtAnswerJson,
  districtKpis,
  type DistrictKpi,
} from './district-kpis';
import type { KpiRollupDocument, KpiSummary } from './kpi-document';
import { groupKpis } from './kpi-groups';
import { KPI_COLLECTION, KPI_ROLLUPS, MONTH_KPI_COLLECTION, RESPONSIBLE_KPI_COLLECTION } from './kpi-rollups';

const decisions = anyProjection(decisionProjection);
/** The store's projector looks a procedure's facts up in `procedures`. */
const withFacts = [anyProjection(procedureProjection), decisions];
const ROLLUP_COLLECTIONS = KPI_ROLLUPS.map((r) => r.collection);
const YEAR = '2023/24';

/** The fixture procedure's events as another school's procedure `procedureId` in `district-1`. */
function inSchool(schoolId: string, procedureId: string, given: readonly ProcedureEvent[]): GivenEvent[] {
  return given.map((e) => ({
    ...e,
    data: { ...e.data, procedureId, ...('schoolId' in e.data ? { schoolId } : {}) },
    metadata: { schoolId, districtId: 'district-1' },
  })) as GivenEvent[];
}

const extended = (deadline: string) =>
  ({
    type: 'DecisionDeadlineExtended',
    data: {
      procedureId: 'p-vpr-4',
      decisionId: 'd-parents',
      previousDeadline: parents.deadline,
      deadline,
      reason: 'Собрание перенесено',
      extendedOn: '2024-05-10',
    },
  }) as const;

/** Every collection the decisions projection writes, folded in memory in batches of `batchSize`. */
function projectAll(log: readonly RecordedEvent[], batchSize = log.length) {
  const projector = new InMemoryProjector([decisions]);
  for (let i = 0; i < log.length; i += batchSize) projector.apply(log.slice(i, i + batchSize));
  return projector.collections;
}

const rollup = <T extends ProjectedDocument = KpiRollupDocument>(
  log: RecordedEvent[],
  collection: string,
  id: string,
) => projectAll(log).get(collection)!.get(id) as T | undefined;

describe('KPI roll-ups kept from the decisions', () => {
  it('given decisions adopted, then the school year, district, month and responsible documents count them open', () => {
    const log = recorded(inSchool('school-1', 'p-vpr-4', history.followingUp));
    const docs = projectAll(log);
    expect(docs.get(KPI_COLLECTION)!.get(`school-1:${YEAR}`)).toEqual({
      _id: `school-1:${YEAR}`,
      _position: 5,
      schoolId: 'school-1',
      districtId: 'district-1',
      academicYear: YEAR,
      counts: { total: 2, open: 2, overdue: 0, executedOnTime: 0, executedLate: 0, cancelled: 0 },
      byDirection: [{ direction: 'results', counts: expect.objectContaining({ total: 2, open: 2 }) }],
      byResponsible: [
        { key: 'petrov', name: lessons.responsible.name, counts: expect.objectContaining({ open: 1 }) },
        { key: 'teacher', name: parents.responsible.name, counts: expect.objectContaining({ open: 1 }) },
      ],
      byMonth: [{ month: '2024-05', counts: expect.objectContaining({ total: 2, open: 2 }) }],
    });
    expect(docs.get(DISTRICT_KPI_COLLECTION)!.get(`district-1:${YEAR}`)).toMatchObject({
      districtId: 'district-1',
      counts: { total: 2, open: 2 },
      schools: ['school-1'],
      school: [{ key: 'school-1', counts: { total: 2, open: 2 }, shares: { open: 1 } }],
    });
    expect([...docs.get(MONTH_KPI_COLLECTION)!.keys()]).toEqual([`school-1:${YEAR}:2024-05`]);
    expect([...docs.get(RESPONSIBLE_KPI_COLLECTION)!.keys()]).toEqual([
      `school-1:${YEAR}:petrov`,
      `school-1:${YEAR}:teacher`,
    ]);
  });

  it('given one executed on time and one overdue then executed late, then one of each and none open or overdue', () => {
    const log = recorded(
      inSchool('school-1', 'p-vpr-4', [
        ...history.followingUp,
        events.executed('d-lessons', '2024-05-30'),
        events.decisionOverdue(parents),
        events.executed('d-parents', '2024-05-20'),
      ]),
    );
    expect(rollup<KpiSummary>(log, KPI_COLLECTION, `school-1:${YEAR}`)!.counts).toEqual({
      total: 2,
      executedOnTime: 1,
      executedLate: 1,
      open: 0,
      overdue: 0,
      cancelled: 0,
    });
    expect(rollup(log, RESPONSIBLE_KPI_COLLECTION, `school-1:${YEAR}:teacher`)!.counts).toMatchObject({
      executedLate: 1,
      total: 1,
    });
  });

  it('given a deadline extended into June, then the decision leaves May and counts open in June', () => {
    const log = recorded(
      inSchool('school-1', 'p-vpr-4', [
        ...history.followingUp,
        events.decisionOverdue(parents),
        extended('2024-06-14'),
      ]),
    );
    expect(rollup(log, MONTH_KPI_COLLECTION, `school-1:${YEAR}:2024-05`)!.counts).toMatchObject({
      total: 1,
      open: 1,
      overdue: 0,
    });
    expect(rollup(log, MONTH_KPI_COLLECTION, `school-1:${YEAR}:2024-06`)!.counts).toMatchObject({
      total: 1,
      open: 1,
    });
    expect(rollup<KpiSummary>(log, KPI_COLLECTION, `school-1:${YEAR}`)!.byMonth).toEqual([
      { month: '2024-05', counts: expect.objectContaining({ total: 1, open: 1 }) },
      { month: '2024-06', counts: expect.objectContaining({ total: 1, open: 1 }) },
    ]);
  });

  it('given a cancelled decision, then it counts as cancelled and leaves the total', () => {
    const log = recorded(
      inSchool('school-1', 'p-vpr-4', [
        ...history.followingUp,
        events.decisionOverdue(lessons),
        events.decisionCancelled('d-parents'),
      ]),
    );
    expect(rollup(log, KPI_COLLECTION, `school-1:${YEAR}`)!.counts).toMatchObject({
      total: 1,
      overdue: 1,
      cancelled: 1,
      open: 0,
    });
  });

  it('given two schools of a district, then the district year sums them and keeps each school apart', () => {
    const log = recorded([
      ...inSchool('school-1', 'p-1', history.followingUp),
      ...inSchool('school-2', 'p-2', [...history.followingUp, events.executed('d-lessons', '2024-05-30')]),
    ]);
    const district = rollup<DistrictKpi>(log, DISTRICT_KPI_COLLECTION, `district-1:${YEAR}`)!;
    expect(district.counts).toMatchObject({ total: 4, open: 3, executedOnTime: 1 });
    expect(district.school.map((s) => [s.key, s.counts.total, s.counts.executedOnTime])).toEqual([
      ['school-1', 2, 0],
      ['school-2', 2, 1],
    ]);
  });

  describe('whatever the batches', () => {
    const log = recorded([
      ...inSchool('school-1', 'p-1', [
        ...history.followingUp,
        events.executed('d-lessons', '2024-05-30'),
        events.decisionOverdue(parents),
      ]),
      ...inSchool('school-2', 'p-2', [...history.followingUp, events.decisionCancelled('d-lessons')]),
      ...inSchool('school-1', 'p-1', [extended('2024-06-14'), events.executed('d-parents', '2024-06-20')]),
      ...inSchool('school-3', 'p-3', [...history.followingUp, events.decisionOverdue(lessons)]),
    ]);
    const whole = projectAll(log);

    it.each([1, 2, 3, 7])('given batches of %i, then the same documents as one batch', (size) => {
      const batched = projectAll(log, size);
      for (const collection of ROLLUP_COLLECTIONS)
        expect(Object.fromEntries(batched.get(collection)!)).toEqual(
          Object.fromEntries(whole.get(collection)!),
        );
    });

    it.each([1, 4, 9])(
      'given the projector on the SQLite store in batches of %i, then the documents of the fold in memory',
      async (size) => {
        const store = await sqliteStore();
        const projector = new Projector(store, withFacts);
        for (let i = 0; i < log.length; i += size) await projector.apply(log.slice(i, i + size));
        for (const collection of ROLLUP_COLLECTIONS)
          expect(await everything(store, collection)).toEqual(sorted(whole.get(collection)!));
        await store.close();
      },
    );

    it.each([
      [1, 2, false],
      [1, 2, true],
      [4, 3, true],
      [5, 1_000, false],
    ])(
      'given a rebuild through the write-back store in batches of %i keeping %i documents (fresh store: %s), then after its flush the documents and the checkpoint of the projector writing every batch',
      async (size, limit, fresh) => {
        const direct = await sqliteStore();
        const target = await sqliteStore();
        const cached = new WriteBackStore(target, limit, { fresh });
        const projectors = [new Projector(direct, withFacts), new Projector(cached, withFacts)];
        for (let i = 0; i < log.length; i += size)
          for (const projector of projectors) await projector.apply(log.slice(i, i + size));
        expect(await cached.checkpoint('read-models')).toEqual(await direct.checkpoint('read-models'));
        await cached.flush();
        for (const collection of [...ROLLUP_COLLECTIONS, 'decisions', 'procedures'])
          expect(await everything(target, collection)).toEqual(await everything(direct, collection));
        expect(await target.checkpoint('read-models')).toEqual(await direct.checkpoint('read-models'));
        await direct.close();
        await target.close();
      },
    );

    it('given a crash after the roll-ups were written and before the decisions (a store without transactions), then the replay counts each change once', async () => {
      const store = await sqliteStore();
      const projector = new Projector(store, withFacts);
      await projector.apply(log.slice(0, 6));
      // The next batch reaches only the roll-ups, without the decisions or the checkpoint.
      const crashing = new Projector(rollupsOnly(store), withFacts);
      await expect(crashing.apply(log.slice(6, 14))).rejects.toThrow('crash');
      // Restarted from the checkpoint with a larger batch, then the rest.
      expect((await projector.checkpoint()).position).toBe(6);
      await projector.apply(log.slice(6, 18));
      await projector.apply(log.slice(18));
      for (const collection of ROLLUP_COLLECTIONS)
        expect(await everything(store, collection)).toEqual(sorted(whole.get(collection)!));
      await store.close();
    });

    it('given the same batch applied twice, then nothing changes the second time', async () => {
      const store = await sqliteStore();
      const projector = new Projector(store, withFacts);
      await projector.apply(log);
      await projector.apply(log.slice(4, 12));
      for (const collection of ROLLUP_COLLECTIONS)
        expect(await everything(store, collection)).toEqual(sorted(whole.get(collection)!));
      await store.close();
    });
  });
});

describe('the district year kept as GET /kpis answers it', () => {
  const given = [
    ...inSchool('school-2', 'p-2', [...history.followingUp, events.executed('d-lessons', '2024-05-30')]),
    ...inSchool('school-1', 'p-1', [...history.followingUp, events.decisionOverdue(parents)]),
    ...inSchool('school-10', 'p-10', [...history.followingUp, events.decisionCancelled('d-lessons')]),
  ];
  const log = recorded(given);
  const docs = projectAll(log);
  const district = docs.get(DISTRICT_KPI_COLLECTION)!.get(`district-1:${YEAR}`) as DistrictKpi;
  const schoolYears = [...docs.get(KPI_COLLECTION)!.values()] as KpiSummary[];
  const readAll = () => true;

  it.each(DISTRICT_ANSWERS)(
    'given decisions in three schools, then its groups by %s are those of their school years, sorted, with shares',
    (answer) => {
      expect(district[answer]).toEqual(groupKpis(schoolYears, answer));
    },
  );

  it('then it names the schools it counts, sorted', () => {
    expect(district.schools).toEqual(['school-1', 'school-10', 'school-2']);
  });

  it.each([...DISTRICT_ANSWERS, 'district', 'year'] as const)(
    'given the SQLite store, then the answer by %s is the text JSON.stringify gave for the groups',
    async (groupBy) => {
      const store = await sqliteStore();
      await new Projector(store, withFacts).apply(log);
      const answer = await districtKpis(
        store,
        { districtId: 'district-1', academicYear: YEAR },
        groupBy,
        readAll,
      );
      const expected = { groupBy, groups: groupKpis(schoolYears, groupBy) };
      const body =
        answer && 'json' in answer ? answer.json.toString() : JSON.stringify({ groupBy, ...answer });
      expect(body).toBe(JSON.stringify(expected));
      expect('json' in answer!).toBe((DISTRICT_ANSWERS as readonly string[]).includes(groupBy));
      await store.close();
    },
  );

  it('given a caller who may not read one of its schools, then no answer', async () => {
    const store = await sqliteStore();
    await new Projector(store, withFacts).apply(log);
    const where = { districtId: 'district-1', academicYear: YEAR };
    expect(await districtKpis(store, where, 'school', (s) => s !== 'school-10')).toBeNull();
    expect(await districtKpis(store, where, 'month', (s) => s !== 'school-10')).toBeNull();
    await store.close();
  });

  it('given two years and no year named, then the groups of both, summed', async () => {
    const store = await sqliteStore();
    const nextYear = given.map((e) => {
      const data = e.data as { procedureId: string; academicYear?: string };
      return {
        ...e,
        data: {
          ...data,
          procedureId: `${data.procedureId}-next`,
          ...(data.academicYear ? { academicYear: '2024/25' } : {}),
        },
      } as GivenEvent;
    });
    await new Projector(store, withFacts).apply(recorded([...given, ...nextYear]));
    const answer = await districtKpis(store, { districtId: 'district-1' }, 'school', readAll);
    expect(answer && 'groups' in answer && answer.groups.map((g) => [g.key, g.counts.total])).toEqual(
      groupKpis(schoolYears, 'school').map((g) => [g.key, g.counts.total * 2]),
    );
    await store.close();
  });

  it('reads the schools and an answer from the stored text, and nothing from text laid out otherwise', () => {
    const text = '{"_id":"d","schools":["s"],"school":[{"key":"s"}],"direction":[],"month":[{"key":"m"}]}';
    for (const [answer, groups] of [
      ['school', '[{"key":"s"}]'],
      ['direction', '[]'],
      ['month', '[{"key":"m"}]'],
    ] as const)
      expect(districtAnswerJson(Buffer.from(text), answer)).toEqual({
        schools: ['s'],
        body: Buffer.from(`{"groupBy":"${answer}","groups":${groups}}`),
      });
    expect(districtAnswerJson(Buffer.from('{"_id":"d","school":[]}'), 'school')).toBeNull();
    expect(
      districtAnswerJson(Buffer.from('{"schools":[1],"school":[],"direction":[],"month":[]}'), 'school'),
    ).toBeNull();
  });
});

async function sqliteStore(): Promise<SqliteReadStore> {
  const store = new SqliteReadStore(':memory:');
  await store.prepare(withFacts.flatMap(collectionsOf));
  return store;
}

async function everything(store: ReadStore, collection: string): Promise<ProjectedDocument[]> {
  return store.find(collection, { where: {}, sort: { _id: 1 } });
}

function sorted(docs: ReadonlyMap<string, ProjectedDocument>): ProjectedDocument[] {
  return [...docs.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
}

/** A store that writes a batch's roll-ups and then fails, as a crash between two writes of MongoDB would. */
function rollupsOnly(store: ReadStore): ReadStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'write')
        return async (changes: Parameters<ReadStore['write']>[0]) => {
          await target.write(changes.filter((c) => ROLLUP_COLLECTIONS.includes(c.collection)));
          throw new Error('crash');
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
