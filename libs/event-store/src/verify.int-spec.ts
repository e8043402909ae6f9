import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { events } from '../test/fixtures';
import { canonicalJson } from './canonical-json';
import { chainHash, withChain } from './chain';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { verify, verifyStream, type VerifyOptions, type VerifyReport } from './verify';

const root = resolve(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-verify-'));
const original = join(dir, 'original', 'events.sqlite');
let copies = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Streams a, b, c with 4 events each, interleaved: a0 b0 c0 a1 b1 c1 … at positions 1…12. */
beforeAll(async () => {
  const store = new SqliteEventStore({ path: original });
  for (let round = 0; round < 4; round++) {
    for (const stream of ['procedure-a', 'procedure-b', 'procedure-c']) {
      await store.append(stream, events(1), round === 0 ? 'no_stream' : round - 1);
    }
  }
  await store.close();
});

/** A copy of the log, edited with plain SQL behind the library's back. */
function tampered(edit: (db: Database.Database) => void): string {
  const file = join(dir, `copy-${++copies}`, 'events.sqlite');
  mkdirSync(join(dir, `copy-${copies}`));
  copyFileSync(original, file);
  const db = new Database(file);
  edit(db);
  db.close();
  return file;
}

async function verifyFile(file: string, options?: VerifyOptions): Promise<VerifyReport> {
  const store = new SqliteEventStore({ path: file });
  try {
    return await verify(store, options);
  } finally {
    await store.close();
  }
}

const positionOf = (db: Database.Database, stream: string, revision: number): number =>
  (
    db
      .prepare('SELECT position FROM events WHERE stream_name = ? AND revision = ?')
      .get(stream, revision) as {
      position: number;
    }
  ).position;

describe('verify: tamper evidence of the hash chains', () => {
  it('reports an intact log with its counts and seal', async () => {
    const report = await verifyFile(original, { gapFreePositions: true });
    expect(report).toEqual({
      ok: true,
      events: 12,
      streams: 3,
      headPosition: 12,
      seal: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('checks one stream alone, with its own seal, and finds the same break there', async () => {
    const store = new SqliteEventStore({ path: original });
    try {
      expect(await verifyStream(store, 'procedure-b')).toEqual({
        ok: true,
        events: 4,
        streams: 1,
        headPosition: 11,
        seal: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(await verifyStream(store, 'procedure-none')).toMatchObject({ ok: true, events: 0, streams: 0 });
    } finally {
      await store.close();
    }
    const file = tampered((db) =>
      db.prepare(`DELETE FROM events WHERE stream_name = 'procedure-a' AND revision = 1`).run(),
    );
    const copy = new SqliteEventStore({ path: file });
    try {
      expect(await verifyStream(copy, 'procedure-a')).toMatchObject({
        ok: false,
        reason: 'REVISION_GAP',
        revision: 2,
        events: 1,
      });
      expect(await verifyStream(copy, 'procedure-b')).toMatchObject({ ok: true, events: 4 });
    } finally {
      await copy.close();
    }
  });

  it('catches edited data', async () => {
    const file = tampered((db) =>
      db
        .prepare(
          `UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream_name = 'procedure-b' AND revision = 2`,
        )
        .run(),
    );
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'HASH_MISMATCH',
      streamName: 'procedure-b',
      revision: 2,
      message: expect.stringContaining('содержимое события изменено'),
    });
  });

  it('catches edited metadata', async () => {
    const file = tampered((db) =>
      db
        .prepare(
          `UPDATE events SET metadata = json_set(metadata, '$.actor.id', 'user-2') WHERE stream_name = 'procedure-a' AND revision = 0`,
        )
        .run(),
    );
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'HASH_MISMATCH',
      streamName: 'procedure-a',
      revision: 0,
    });
  });

  it('catches an edit whose own hash was recomputed, at the next event of the stream', async () => {
    const file = tampered((db) => {
      const row = db
        .prepare(`SELECT * FROM events WHERE stream_name = 'procedure-c' AND revision = 1`)
        .get() as { id: string; type: string; schema_version: number; metadata: string };
      const { $chain, ...metadata } = JSON.parse(row.metadata) as { $chain: { prev: string } } & Record<
        string,
        unknown
      >;
      const dataJson = '{"n":42}';
      const hash = chainHash({
        streamName: 'procedure-c',
        revision: 1,
        id: row.id,
        type: row.type,
        schemaVersion: row.schema_version,
        dataJson,
        metadataJson: canonicalJson(metadata),
        prev: $chain.prev,
      });
      db.prepare(
        `UPDATE events SET data = ?, metadata = ? WHERE stream_name = 'procedure-c' AND revision = 1`,
      ).run(dataJson, withChain(canonicalJson(metadata), { prev: $chain.prev, hash }));
    });
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'PREV_MISMATCH',
      streamName: 'procedure-c',
      revision: 2,
    });
  });

  it('catches a deleted event in the middle of a stream', async () => {
    const file = tampered((db) =>
      db.prepare(`DELETE FROM events WHERE stream_name = 'procedure-a' AND revision = 1`).run(),
    );
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'REVISION_GAP',
      streamName: 'procedure-a',
      revision: 2,
    });
  });

  it("catches a stream's last event deleted, by the gap it leaves in the embedded log's positions", async () => {
    const file = tampered((db) =>
      db.prepare(`DELETE FROM events WHERE stream_name = 'procedure-a' AND revision = 3`).run(),
    );
    expect(await verifyFile(file, { gapFreePositions: true })).toMatchObject({
      ok: false,
      reason: 'POSITION_GAP',
      streamName: 'procedure-b',
      revision: 3,
    });
  });

  it('catches a stream cut at the end of the log by a changed seal', async () => {
    const intact = await verifyFile(original, { gapFreePositions: true });
    const file = tampered((db) =>
      db.prepare(`DELETE FROM events WHERE stream_name = 'procedure-c' AND revision = 3`).run(),
    );
    const report = await verifyFile(file, { gapFreePositions: true });
    expect(report).toMatchObject({ ok: true, events: 11 });
    expect(report.ok && report.seal).not.toBe(intact.ok && intact.seal);
  });

  it('catches two events of a stream swapped in the log', async () => {
    const file = tampered((db) => {
      const p1 = positionOf(db, 'procedure-b', 1);
      const p2 = positionOf(db, 'procedure-b', 2);
      const move = db.prepare('UPDATE events SET position = ? WHERE position = ?');
      db.transaction(() => {
        move.run(-1, p1);
        move.run(p1, p2);
        move.run(p2, -1);
      })();
    });
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'REVISION_GAP',
      streamName: 'procedure-b',
      revision: 2,
    });
  });

  it('catches two events whose contents were swapped while their places stayed', async () => {
    const file = tampered((db) => {
      const columns = 'id, type, schema_version, data, metadata';
      const a = db
        .prepare(`SELECT ${columns} FROM events WHERE stream_name = 'procedure-a' AND revision = 1`)
        .get() as Record<string, unknown>;
      const b = db
        .prepare(`SELECT ${columns} FROM events WHERE stream_name = 'procedure-a' AND revision = 2`)
        .get() as Record<string, unknown>;
      const put = db.prepare(
        `UPDATE events SET id = @id, type = @type, schema_version = @schema_version, data = @data, metadata = @metadata
         WHERE stream_name = 'procedure-a' AND revision = @revision`,
      );
      db.transaction(() => {
        put.run({ ...a, id: 'x', revision: 2 });
        put.run({ ...b, revision: 1 });
        put.run({ ...a, revision: 2 });
      })();
    });
    expect(await verifyFile(file)).toMatchObject({
      ok: false,
      reason: 'PREV_MISMATCH',
      streamName: 'procedure-a',
      revision: 1,
    });
  });

  describe('npm run audit:verify', () => {
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        ['infra/scripts/run-ts.js', 'libs/event-store/src/cli/verify.ts', '--file', file],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );

    it('says the log is intact and exits 0', () => {
      const result = run(original);
      expect(result.stdout).toContain('Журнал цел: 12 событий в 3 потоках');
      expect(result.status).toBe(0);
    });

    it('names the first broken link and exits 1', () => {
      const file = tampered((db) =>
        db.prepare(`DELETE FROM events WHERE stream_name = 'procedure-a' AND revision = 3`).run(),
      );
      const result = run(file);
      expect(result.stdout).toContain('НАРУШЕНИЕ ЦЕЛОСТНОСТИ [POSITION_GAP]');
      expect(result.stdout).toContain('поток «procedure-b», версия 3');
      expect(result.status).toBe(1);
    });

    it('exits 2 when the file does not exist', () => {
      const result = run(join(dir, 'missing.sqlite'));
      expect(result.stdout).toContain('Журнал не найден');
      expect(result.status).toBe(2);
    });
  });
});
