import { procedureDecider, procedureStreamName, type ProcedureEvent } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { events, history, lessons, parents, PROCEDURE } from '../../../domain/src/procedure/testing/fixtures';
import { ALL_PROJECTIONS } from '../all-projections';
import { InMemoryProjector } from '../in-memory-projector';
import type { DecisionDocument } from './decision-document';

/*
 * Issue 13 gives decisions streams of their own; the log already holds decisions inside procedure streams
 * (DecisionsAdopted, DecisionExecuted, DecisionOverdue …). This log was written by the code of December 2026
 * (VSOKO_RECORD_LOGS=1 writes it anew) and is committed: it must still load, replay as of a past moment and
 * project with today's code. No upcaster is needed yet; when an event's shape changes, one is.
 */
const FIXTURE = path.join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'logs',
  'procedure-decisions-2026-12.json',
);

interface StoredEvent {
  streamName: string;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

const written: ProcedureEvent[] = [
  ...history.followingUp,
  events.executed('d-lessons'),
  events.decisionOverdue(parents),
];

describe('a log of decisions inside procedure streams, written before decisions had streams of their own', () => {
  let dir: string;
  let store: EventStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-legacy-log-'));
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    if (process.env.VSOKO_RECORD_LOGS) {
      const handler = new DeciderHandler(store);
      for (const [i, e] of written.entries()) {
        await handler.append(
          procedureStreamName(PROCEDURE),
          [e],
          {
            commandId: `legacy-${i}`,
            actor: { id: 'director-1', kind: 'user', role: 'director' },
            issuedAt: `2024-04-${String(16 + i).padStart(2, '0')}T06:00:00.000Z`,
            correlationId: 'legacy',
            causationId: `legacy-${i}`,
            schoolId: 'school-1',
          },
          { expectedRevision: i - 1 },
        );
      }
      const all: StoredEvent[] = (await store.readAll()).map(({ streamName, id, type, data, metadata }) => {
        const { $chain: _chain, ...rest } = metadata as Record<string, unknown>;
        return { streamName, id, type, data, metadata: rest };
      });
      fs.writeFileSync(FIXTURE, `${JSON.stringify(all, null, 2)}\n`);
      return;
    }
    const stored = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as StoredEvent[];
    for (const e of stored) {
      await store.append(
        e.streamName,
        [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata as never }],
        'any',
      );
    }
  });

  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds the events as they were written', async () => {
    expect((await store.readAll()).map((e) => e.type)).toEqual(written.map((e) => e.type));
  });

  it('loads with today’s evolve: one decision executed, the other overdue', async () => {
    const { state } = await new DeciderHandler(store).load(procedureStreamName(PROCEDURE), procedureDecider);
    expect(state.status).toBe('following-up');
    const decisions = state.status === 'following-up' ? state.followUp.decisions : [];
    expect(decisions.map((d) => [d.decisionId, d.status, d.overdue])).toEqual([
      [lessons.decisionId, 'executed', false],
      [parents.decisionId, 'open', true],
    ]);
  });

  it('replays as of a past moment: before the decisions were adopted', async () => {
    const adoptedAt = (await store.readAll()).find((e) => e.type === 'DecisionsAdopted')!.position;
    const { state } = await new DeciderHandler(store).load(procedureStreamName(PROCEDURE), procedureDecider, {
      include: (e) => e.position < adoptedAt,
    });
    expect(state.status).toBe('discussed');
  });

  it('projects into today’s read models: the decisions, with their status', async () => {
    const projector = new InMemoryProjector(ALL_PROJECTIONS);
    projector.apply(await store.readAll());
    const docs = [...projector.collections.get('decisions')!.values()] as DecisionDocument[];
    expect(docs.map((d) => [d.decisionId, d.status]).sort()).toEqual([
      ['d-lessons', 'executed'],
      ['d-parents', 'overdue'],
    ]);
    expect(projector.collections.get('decision_records')!.size).toBe(0);
  });
});
