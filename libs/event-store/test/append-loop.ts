import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store';
import { metadata } from './fixtures';

/**
 * A writer in its own process, for the crash and multi-process tests:
 * `append-loop.ts <file> <batches|forever> <batchSize> <streams> [durability]`.
 * Prints `ack <stream> <nextExpectedRevision> <position>` after each append resolves, i.e. once it is acknowledged.
 */
async function main(): Promise<void> {
  const [file, batches, batchSize, streams, durability] = process.argv.slice(2);
  const store = new SqliteEventStore({ path: file, durability: durability === 'normal' ? 'normal' : 'full' });
  const names = Array.from({ length: Number(streams) }, () => `procedure-${randomUUID()}`);
  const total = batches === 'forever' ? Infinity : Number(batches);
  for (let i = 0; i < total; i++) {
    const stream = names[i % names.length];
    const events = Array.from({ length: Number(batchSize) }, (_, k) => ({
      id: randomUUID(),
      type: 'DecisionRecorded',
      data: { batch: i, k },
      metadata,
    }));
    const result = await store.append(stream, events, 'any');
    process.stdout.write(`ack ${stream} ${result.nextExpectedRevision} ${result.position}\n`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
