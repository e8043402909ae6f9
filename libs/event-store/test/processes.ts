import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '..', '..', '..');

export interface Ack {
  stream: string;
  nextExpectedRevision: number;
  position: number;
}

export interface Writer {
  child: ChildProcessWithoutNullStreams;
  acks: Ack[];
  /** Resolves once `count` appends have been acknowledged. */
  acked(count: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts test/append-loop.ts in a separate Node process, as the Temporal worker would be. */
export function startWriter(
  file: string,
  options: {
    batches: number | 'forever';
    batchSize: number;
    streams: number;
    durability?: 'full' | 'normal';
  },
): Writer {
  const child = spawn(
    process.execPath,
    [
      join(root, 'infra/scripts/run-ts.js'),
      join(root, 'libs/event-store/test/append-loop.ts'),
      file,
      String(options.batches),
      String(options.batchSize),
      String(options.streams),
      options.durability ?? 'full',
    ],
    { cwd: root },
  );
  const acks: Ack[] = [];
  const waiting: { count: number; resolve(): void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, stream, revision, position] = line.split(' ');
    if (word !== 'ack') return;
    acks.push({ stream, nextExpectedRevision: Number(revision), position: Number(position) });
    for (const w of waiting.filter((w) => acks.length >= w.count)) w.resolve();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, stderr })),
  );
  return {
    child,
    acks,
    exited,
    acked: (count) =>
      new Promise<void>((resolve, reject) => {
        if (acks.length >= count) return resolve();
        waiting.push({ count, resolve });
        void exited.then((e) =>
          reject(new Error(`writer exited (${e.code ?? e.signal}) after ${acks.length} acks: ${e.stderr}`)),
        );
      }),
  };
}
