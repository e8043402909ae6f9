import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWriter } from '../../test/processes';
import { verify } from '../verify';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 5;

describe.each(['full', 'normal'] as const)(
  'a writer killed with SIGKILL mid-run (synchronous=%s)',
  (durability) => {
    it('loses no acknowledged event and leaves no half-written batch', async () => {
      const file = join(dir, durability, 'events.sqlite');
      const writer = startWriter(file, { batches: 'forever', batchSize: BATCH, streams: 4, durability });
      await writer.acked(200);
      writer.child.kill('SIGKILL');
      const exit = await writer.exited;

      const store = new SqliteEventStore({ path: file });
      const all = await store.readAll();
      const report = await verify(store, { gapFreePositions: true });
      await store.close();

      expect(exit.signal).toBe('SIGKILL');
      const byPosition = new Map(all.map((e) => [e.position, e]));
      for (const ack of writer.acks) {
        expect(byPosition.get(ack.position)).toMatchObject({
          streamName: ack.stream,
          revision: ack.nextExpectedRevision,
        });
      }
      const perStream = new Map<string, number>();
      for (const e of all) perStream.set(e.streamName, (perStream.get(e.streamName) ?? 0) + 1);
      expect([...perStream.values()].every((count) => count % BATCH === 0)).toBe(true);
      expect(all.length).toBeGreaterThanOrEqual(writer.acks.length * BATCH);
      expect(report).toMatchObject({ ok: true, events: all.length });
    });
  },
);
