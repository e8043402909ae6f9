import type { EventStore } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  ALL_PROJECTIONS,
  Projector,
  type ProjectedDocument,
  type ReadStore,
} from '@vsoko/projections';
import { rebuildReadModels } from '../../services/projector/src/rebuild-read-models';
import { BATCH_SIZE } from '../../services/projector/src/run-projector';
import { readRange, recording, type Candidate, type RecordedWrite } from './candidates';
import { dashboardQueries, latency, type Latency } from './queries';

export interface StepFigures {
  candidate: string;
  schools: number;
  events: number;
  rebuild: { events: number; rate: number; raw: number; seconds: number; cpu: number; rawCpu: number };
  live: { events: number; rate: number; raw: number; batches: number; cpu: number; rawCpu: number };
  queries: Record<string, Latency>;
  rawById: Latency;
  memory: { processRss: number; heapUsed: number; serverRss: number };
  documents: Record<string, number>;
}

const COLLECTIONS = [...new Set(ALL_COLLECTIONS.map((c) => c.collection))];
const CHUNK = 20_000;

/**
 * One candidate at one size: the read models built from an empty store up to the last `tail` events (the
 * rebuild figure), a copy of that state for the raw side, the last `tail` events applied in the live projector's
 * batches (the live figure), then every dashboard query and raw `_id` lookups on the result.
 */
export async function measureStep(
  candidate: Candidate,
  events: EventStore,
  options: {
    schools: number;
    perSchool: number;
    /** The log's position where this step's schools are all in (the log may hold more schools after it). */
    head: number;
    tail: number;
    samples: number;
    log: (m: string) => void;
  },
): Promise<StepFigures> {
  const { head } = options;
  const tail = Math.min(options.tail, Math.floor(head / 2));
  const until = head - tail;
  const at = `${candidate.name}@${options.schools}`;

  options.log(`${at}: rebuild of ${until} events into an empty store…`);
  let store: ReadStore = await candidate.open('live');
  let start = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  // The product's rebuild (SQLite: a fresh unsynced file beside the store, indexes at the end, swapped in).
  await rebuildReadModels({ store: events, readStore: store, until, counts: false });
  const rebuildSeconds = seconds(start);
  const rebuildCpu = cpuSeconds(cpu);

  options.log(`${at}: raw inserts of the same documents…`);
  const copy = await candidate.copy('live', store, 'live-raw');
  store = await candidate.reopen('live');
  await candidate.rawPrepare('raw-insert');
  let rawSeconds = 0;
  let rawCpu = 0;
  for (const collection of COLLECTIONS) {
    let after: string | undefined;
    for (;;) {
      const docs = await copy.find<ProjectedDocument>(collection, {
        where: {},
        sort: { _id: 1 },
        limit: CHUNK,
        ...(after === undefined ? {} : { after: [after] }),
      });
      if (docs.length === 0) break;
      after = docs[docs.length - 1]._id;
      start = process.hrtime.bigint();
      cpu = process.cpuUsage();
      await candidate.rawInsert('raw-insert', collection, docs);
      rawSeconds += seconds(start);
      rawCpu += cpuSeconds(cpu);
    }
  }
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  await candidate.rawIndex('raw-insert');
  rawSeconds += seconds(start);
  rawCpu += cpuSeconds(cpu);

  options.log(`${at}: live projection of the last ${tail} events in batches of ${BATCH_SIZE}…`);
  const batches = await readRange(events, until, tail, BATCH_SIZE);
  const writes: RecordedWrite[] = [];
  const live = new Projector(recording(store, writes), ALL_PROJECTIONS);
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  for (const batch of batches) await live.apply(batch);
  const liveSeconds = seconds(start);
  const liveCpu = cpuSeconds(cpu);
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  await candidate.rawWrite(copy, writes);
  const rawWriteSeconds = seconds(start);
  const rawWriteCpu = cpuSeconds(cpu);

  options.log(`${at}: ${options.samples} samples of each query…`);
  const queries: Record<string, Latency> = {};
  for (const query of dashboardQueries(store, events, options.schools))
    queries[query.name] = await latency(
      query.run,
      options.schools,
      options.perSchool,
      options.samples,
      query.before,
    );
  const byId = candidate.rawGetById(copy);
  const rawById = await latency(
    (s, p) => byId(`school-${String(s).padStart(4, '0')}-p${p}`),
    options.schools,
    options.perSchool,
    options.samples,
  );
  const documents: Record<string, number> = {};
  for (const c of COLLECTIONS) documents[c] = await store.count(c, {});
  const memory = {
    processRss: process.memoryUsage().rss,
    heapUsed: process.memoryUsage().heapUsed,
    serverRss: candidate.serverRss(),
  };
  await store.close();
  await copy.close();
  const tailEvents = batches.reduce((n, b) => n + b.length, 0);
  return {
    candidate: candidate.name,
    schools: options.schools,
    events: head,
    rebuild: {
      events: until,
      rate: until / rebuildSeconds,
      raw: until / rawSeconds,
      seconds: rebuildSeconds,
      cpu: rebuildCpu,
      rawCpu,
    },
    live: {
      events: tailEvents,
      rate: tailEvents / liveSeconds,
      raw: tailEvents / rawWriteSeconds,
      batches: batches.length,
      cpu: liveCpu,
      rawCpu: rawWriteCpu,
    },
    queries,
    rawById,
    memory,
    documents,
  };
}

/** CPU time (user + system) of this process since `from`, seconds: less moved by other work than wall time. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1e6;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
