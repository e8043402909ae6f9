/// <reference types="jest" />
import { InMemoryProjector } from '../src/in-memory-projector';
import {
  DISTRICT_TEMPLATES_COLLECTION,
  PLAN_TEMPLATE_COLLECTION,
} from '../src/plan-templates/plan-template-document';
import { planTemplateProjection } from '../src/plan-templates/plan-template-projection';
import { anyProjection, type AnyProjection, type ProjectedDocument } from '../src/projection';
import { Projector } from '../src/projector';
import { valueAt, type ReadStore, type SortSpec, type Where } from '../src/store/read-store';
import { planTemplateLog } from './plan-template-log';

interface Thing extends ProjectedDocument {
  schoolId: string;
  districtId: string | null;
  overdue: boolean;
  deadline: string;
  window: { from: string };
  tags: string[];
  n: number;
  big?: number[];
}

const plain = {
  collection: 'things',
  handles: [],
  documentIds: () => [],
  evolve: (doc: ProjectedDocument | null) => doc,
  arrayFields: ['tags'],
  indexes: [
    { key: { schoolId: 1, overdue: 1, deadline: 1 }, name: 'school_overdue_deadline' },
    { key: { 'window.from': 1 }, name: 'window_from' },
    { key: { tags: 1, n: 1 }, name: 'tags_n' },
    { key: { districtId: 1, overdue: 1, 'window.from': 1 }, name: 'district_overdue_window' },
  ],
} as AnyProjection;

/**
 * The same collection stored in the order of one of its indexes (`cluster`): a field with nulls, a boolean and a
 * nested field as its keys. Every promise holds for it as for the plain one.
 */
const clustered = { ...plain, cluster: 'district_overdue_window' } as AnyProjection;

const thing = (i: number, over: Partial<Thing> = {}): Thing => ({
  _id: `t-${String(i).padStart(2, '0')}`,
  _position: i,
  schoolId: i % 2 === 0 ? 'school-1' : 'school-2',
  districtId: i % 3 === 0 ? null : 'district-1',
  overdue: i % 4 === 0,
  deadline: `2024-05-${String(10 + (i % 5)).padStart(2, '0')}`,
  window: { from: `2024-0${1 + (i % 9)}-01` },
  tags: i % 5 === 0 ? ['a', 'b'] : ['b'],
  n: i,
  ...over,
});

const ids = (docs: readonly ProjectedDocument[]) => docs.map((d) => d._id);

/** A value as a store may answer it in `findJson`'s values: a boolean as 1 or 0. */
const comparable = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);

/** The order of `{ deadline: 1, _id: 1 }` over the ids of `thing(i)`. */
const byDeadlineThenId = (a: string, b: string): number => {
  const key = (id: string) => `${thing(Number(id.slice(2))).deadline}|${id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

/**
 * What every read-model store promises: the queries the API makes, answered the same way by each adapter.
 * `open` gives a store over a fresh database.
 */
export function readStoreContract(name: string, open: () => Promise<ReadStore>): void {
  describe.each([
    ['', plain],
    [', a collection stored in the order of an index', clustered],
  ])(`ReadStore contract: ${name}%s`, (_, things) => {
    let store: ReadStore;
    const all = Array.from({ length: 20 }, (_, i) => thing(i + 1));
    beforeEach(async () => {
      store = await open();
      await store.prepare([things]);
      await store.write([{ collection: 'things', put: all, remove: [] }]);
    });
    afterEach(async () => {
      await store.close();
    });

    it('reads documents back by id, one or many, as they were written', async () => {
      expect(await store.get('things', 't-03')).toEqual(thing(3));
      expect(await store.get('things', 'missing')).toBeNull();
      expect(ids(await store.getMany('things', ['t-05', 't-01', 'missing'])).sort()).toEqual([
        't-01',
        't-05',
      ]);
      expect(await store.getMany('things', [])).toEqual([]);
    });

    it('replaces a document and removes another in one batch, with the checkpoint', async () => {
      await store.write([{ collection: 'things', put: [thing(3, { n: 300 })], remove: ['t-04'] }], {
        name: 'read-models',
        position: 42,
        version: 7,
      });
      expect(await store.get('things', 't-03')).toMatchObject({ n: 300 });
      expect(await store.get('things', 't-04')).toBeNull();
      expect(await store.checkpoint('read-models')).toEqual({ position: 42, version: 7 });
      expect(await store.checkpoint('other')).toEqual({ position: 0, version: null });
    });

    it('answers the same with its indexes dropped for a rebuild, and after prepare builds them again', async () => {
      const query = {
        where: { schoolId: 'school-1', overdue: false },
        sort: { deadline: 1, _id: 1 },
      } as const;
      const before = ids(await store.find('things', query));
      await store.dropIndexes([things]);
      await store.write([{ collection: 'things', put: [thing(22, { tags: ['c'] })], remove: ['t-01'] }]);
      expect(ids(await store.find('things', query))).toEqual([...before, 't-22'].sort(byDeadlineThenId));
      expect(await store.count('things', { tags: 'c' })).toBe(1);
      await store.prepare([things]);
      expect(ids(await store.find('things', query))).toEqual([...before, 't-22'].sort(byDeadlineThenId));
      expect(await store.count('things', { tags: 'b' })).toBe(19); // t-01 removed, t-22 without it
    });

    it('filters by equality, null, boolean, a list of values and a range; counts the same', async () => {
      const where = { schoolId: 'school-1', overdue: true };
      expect(ids(await store.find('things', { where, sort: { _id: 1 } }))).toEqual([
        't-04',
        't-08',
        't-12',
        't-16',
        't-20',
      ]);
      expect(await store.count('things', where)).toBe(5);
      expect(await store.count('things', { districtId: null })).toBe(6);
      expect(await store.count('things', { schoolId: { $in: ['school-2', 'school-9'] } })).toBe(10);
      expect(await store.count('things', { deadline: { $gte: '2024-05-12', $lte: '2024-05-13' } })).toBe(8);
      expect(await store.count('things', { n: { $gt: 5, $lt: 8 } })).toBe(2);
      // A range never takes in a missing or null value, whichever end it bounds.
      expect(await store.count('things', { districtId: { $lt: 'district-2' } })).toBe(14);
      expect(await store.count('things', { districtId: { $lte: 'district-1' } })).toBe(14);
      expect(await store.count('things', { districtId: { $gt: 'a' } })).toBe(14);
      expect(await store.count('things', { districtId: { $in: [null, 'district-9'] } })).toBe(6);
      expect(await store.count('things', { districtId: null, overdue: true })).toBe(1);
      expect(await store.count('things', { 'window.from': '2024-02-01' })).toBe(3);
      expect(await store.count('things', { schoolId: 'nowhere' })).toBe(0);
    });

    it('finds a document whose indexed fields changed by its new values only', async () => {
      const moved = thing(3, { districtId: 'district-2', overdue: true, window: { from: '2023-12-01' } });
      await store.write([{ collection: 'things', put: [moved], remove: [] }]);
      expect(await store.get('things', 't-03')).toEqual(moved);
      expect(ids(await store.find('things', { where: { districtId: null }, sort: { _id: 1 } }))).toEqual([
        't-06',
        't-09',
        't-12',
        't-15',
        't-18',
      ]);
      expect(
        await store.find('things', { where: { districtId: 'district-2', overdue: true }, sort: { _id: 1 } }),
      ).toEqual([moved]);
      const first = await store.find('things', { where: {}, sort: { 'window.from': 1, _id: 1 }, limit: 1 });
      expect(ids(first)).toEqual(['t-03']);
      expect(await store.count('things', {})).toBe(20);
      await store.write([{ collection: 'things', put: [], remove: ['t-03'] }]);
      expect(await store.count('things', { districtId: 'district-2' })).toBe(0);
      expect(await store.get('things', 't-03')).toBeNull();
    });

    it('sorts by several fields, either way, and pages with skip and limit', async () => {
      const sort = { deadline: -1, _id: 1 } as const;
      const page = await store.find('things', { where: { schoolId: 'school-2' }, sort, skip: 2, limit: 3 });
      expect(ids(page)).toEqual(['t-03', 't-13', 't-07']);
      const nested = await store.find('things', { where: {}, sort: { 'window.from': 1, _id: -1 }, limit: 2 });
      expect(ids(nested)).toEqual(['t-18', 't-09']);
    });

    it.each<[string, SortSpec, Where]>([
      ['a date ascending', { deadline: 1, _id: 1 }, {}],
      ['a date descending within a school', { deadline: -1, _id: 1 }, { schoolId: 'school-2' }],
      ['a nested field, ids descending', { 'window.from': 1, _id: -1 }, {}],
      ['a field with nulls, ascending', { districtId: 1, n: -1, _id: 1 }, {}],
      ['a field with nulls, descending', { districtId: -1, _id: 1 }, { overdue: false }],
      [
        'an index with nulls, in its order',
        { districtId: 1, overdue: 1, 'window.from': 1, _id: 1 },
        { n: { $gte: 2 } },
      ],
      [
        'an index with nulls, against its order',
        { districtId: -1, overdue: -1, 'window.from': -1, _id: -1 },
        {},
      ],
      [
        'within one key of an index',
        { 'window.from': 1, _id: 1 },
        { districtId: 'district-1', overdue: false },
      ],
    ])(
      'pages by keyset (after the last sort values) through %s, as one sorted read',
      async (_, sort, where) => {
        const whole = ids(await store.find('things', { where, sort }));
        const paged: string[] = [];
        let after: ReturnType<typeof valueAt>[] | undefined;
        for (let round = 0; round < 20; round++) {
          const page = await store.find('things', { where, sort, limit: 3, ...(after ? { after } : {}) });
          if (page.length === 0) break;
          paged.push(...ids(page));
          const last = page[page.length - 1];
          after = Object.keys(sort).map((f) => valueAt(last, f));
        }
        expect(paged).toEqual(whole);
        expect(whole.length).toBeGreaterThan(3);
      },
    );

    it('answers a page as JSON text: the documents find answers, in its order, with the fields asked for', async () => {
      const fields = ['schoolId', 'districtId', 'overdue', 'window.from', 'n', 'missing', '_id'];
      const queries = [
        { where: { schoolId: 'school-2' }, sort: { deadline: -1, _id: 1 }, skip: 1, limit: 4 },
        { where: { tags: 'b' }, sort: { districtId: 1, overdue: 1, 'window.from': 1, _id: 1 }, limit: 6 },
        {
          where: { overdue: false },
          sort: { 'window.from': 1, _id: 1 },
          after: ['2024-03-01', 't-11'],
          limit: 3,
        },
        { where: { _id: 't-05' }, exclude: ['tags'] },
        { where: { schoolId: 'nowhere' } },
      ] as const;
      for (const query of queries) {
        const docs = await store.find('things', query);
        const answer = await store.findJson('things', query, fields);
        expect(answer.map((d) => JSON.parse(d.json.toString('utf8')) as unknown)).toEqual(docs);
        expect(answer.map((d) => d.values.map(comparable))).toEqual(
          docs.map((d) => fields.map((f) => comparable(valueAt(d, f)))),
        );
      }
      // A missing or null key is null, clustered or not; a boolean is one the store's cursors take back.
      const sort = { overdue: 1, districtId: 1, _id: 1 } as const;
      const [first] = await store.findJson('things', { where: { _id: 't-03' }, sort }, Object.keys(sort));
      expect(first.values.map(comparable)).toEqual([0, null, 't-03']);
      const whole = ids(await store.find('things', { where: {}, sort }));
      const after = await store.find('things', { where: {}, sort, after: first.values });
      expect(ids(after)).toEqual(whole.slice(whole.indexOf('t-03') + 1));
      // The text is the document's JSON, spliced into a larger answer as it is.
      const page = await store.findJson('things', { where: { schoolId: 'school-1' }, sort: { _id: 1 } }, []);
      const spliced = Buffer.concat([
        Buffer.from('['),
        ...page.flatMap((d, i) => [Buffer.from(i ? ',' : ''), d.json]),
        Buffer.from(']'),
      ]);
      expect(JSON.parse(spliced.toString('utf8'))).toEqual(
        await store.find('things', { where: { schoolId: 'school-1' }, sort: { _id: 1 } }),
      );
      expect(await store.findJson('nothing', { where: {} }, ['_id'])).toEqual([]);
    });

    it('matches a list field by membership', async () => {
      expect(await store.count('things', { tags: 'a' })).toBe(4);
      expect(ids(await store.find('things', { where: { tags: 'a' }, sort: { n: -1 }, limit: 2 }))).toEqual([
        't-20',
        't-15',
      ]);
      expect(await store.count('things', { tags: { $in: ['a', 'z'] }, schoolId: 'school-2' })).toBe(2);
      await store.write([{ collection: 'things', put: [thing(5, { tags: ['b'] })], remove: ['t-10'] }]);
      expect(ids(await store.find('things', { where: { tags: 'a' }, sort: { n: 1 } }))).toEqual([
        't-15',
        't-20',
      ]);
    });

    it('leaves out the fields a query excludes', async () => {
      await store.write([{ collection: 'things', put: [thing(1, { big: [1, 2, 3] })], remove: [] }]);
      const [doc] = await store.find('things', { where: { _id: 't-01' }, exclude: ['big', 'tags'] });
      expect(doc).toEqual({ ...thing(1), tags: undefined, big: undefined });
      expect(Object.keys(doc)).not.toContain('big');
    });

    it('inserts documents that never change once: a replayed insert keeps the first', async () => {
      await store.write([{ collection: 'things', put: [thing(30)], remove: [], insertOnly: true }]);
      await store.write([
        { collection: 'things', put: [thing(30, { n: -1 }), thing(31)], remove: [], insertOnly: true },
      ]);
      expect(await store.get('things', 't-30')).toMatchObject({ n: 30 });
      expect(await store.get('things', 't-31')).toMatchObject({ n: 31 });
      expect(await store.count('things', { tags: 'a' })).toBe(5);
    });

    it('keeps the district plan templates and their roll-up through the projector as the in-memory fold does', async () => {
      const log = planTemplateLog();
      const templates = [anyProjection(planTemplateProjection)];
      const projector = new Projector(store, templates);
      await projector.prepare();
      // Small batches: every template document is read back, folded further and written again.
      for (let i = 0; i < log.length; i += 3) await projector.apply(log.slice(i, i + 3));
      const memory = new InMemoryProjector(templates);
      memory.apply(log);
      for (const collection of [PLAN_TEMPLATE_COLLECTION, DISTRICT_TEMPLATES_COLLECTION]) {
        const expected = [...memory.collections.get(collection)!.values()];
        expect(expected.length).toBeGreaterThan(0);
        const stored = await store.getMany(
          collection,
          expected.map((d) => d._id),
        );
        expect(stored.sort((a, b) => (a._id < b._id ? -1 : 1))).toEqual(
          expected.sort((a, b) => (a._id < b._id ? -1 : 1)),
        );
      }
      expect(await store.get(DISTRICT_TEMPLATES_COLLECTION, 'district-1')).toMatchObject({
        adopted: [
          { templateId: 'vpr', version: 1, schools: 1 },
          { templateId: 'vpr', version: 2, schools: 1 },
        ],
      });
    });

    it('drops the read models and the checkpoint; a collection never written is empty', async () => {
      await store.write([], { name: 'read-models', position: 9, version: 1 });
      await store.drop(['things'], 'read-models');
      expect(await store.checkpoint('read-models')).toEqual({ position: 0, version: null });
      expect(await store.count('things', {})).toBe(0);
      expect(await store.find('nothing', { where: { a: 1 } })).toEqual([]);
      expect(await store.get('nothing', 'x')).toBeNull();
    });
  });
}
