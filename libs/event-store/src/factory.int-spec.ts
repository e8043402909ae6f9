import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, streamName } from '../test/fixtures';
import { createEventStore } from './factory';
import { UpcasterRegistry } from './upcasting';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-factory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createEventStore without a KurrentDB url', () => {
  it('opens the embedded store at sqlitePath, creating its directory', async () => {
    const sqlitePath = join(dir, 'nested', 'data', 'events.sqlite');
    const store = await createEventStore({ sqlitePath });
    const stream = streamName();
    await store.append(stream, [event()], 'no_stream');
    await store.close();

    expect(existsSync(sqlitePath)).toBe(true);
    const reopened = await createEventStore({ sqlitePath });
    expect(await reopened.readStream(stream)).toHaveLength(1);
    await reopened.close();
  });

  it('applies the given upcasters on read', async () => {
    const upcasters = new UpcasterRegistry().register('ProcedureScheduled', 1, (data) => ({
      ...(data as object),
      v: 2,
    }));
    const store = await createEventStore({ sqlitePath: join(dir, 'upcast.sqlite'), upcasters });
    const stream = streamName();
    await store.append(stream, [event('ProcedureScheduled', { title: 'ВСОКО' })], 'no_stream');

    expect(await store.readStream(stream)).toMatchObject([
      { schemaVersion: 2, data: { title: 'ВСОКО', v: 2 } },
    ]);
    await store.close();
  });
});
