import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The files of the embedded read store whose path is `live` (ADR 0008, "A rebuild is written beside the store").
 *
 * A rebuild writes a fresh file beside it, `<live>.rebuilding`, without a journal file and without syncing: the read
 * models are a function of the log, so a crash costs only the rebuild, which starts again. The name is the mark of
 * an unfinished rebuild: nothing but the rebuild opens it, and a start that finds it deletes it and rebuilds.
 * Once the rebuild is complete (indexes built, checkpoint written, WAL mode and one fsync), it becomes a
 * generation `<live>.g<stamp>` and `<live>` a symbolic link to it, swapped in by one rename. SQLite names a
 * database's WAL and shared-memory files after the link's target, so a reader still on the previous generation
 * (the API's process) keeps its own until it reopens, and never meets the new file's.
 */
export const rebuildingPath = (live: string): string => `${live}.rebuilding`;
const swapPath = (live: string): string => `${live}.swap`;
const GENERATION = /^\.g[0-9a-z]+$/;

/**
 * At start, before the store is opened: finishes a swap a crash interrupted once its generation was complete,
 * deletes an unfinished rebuild and generations nothing points to. Answers whether a rebuild was left unfinished
 * (the caller rebuilds again).
 */
export function recoverStoreFiles(live: string): { unfinishedRebuild: boolean } {
  const swap = swapPath(live);
  if (isLink(swap)) {
    // The link is made before the finished file is renamed to its generation: its target exists only if the
    // rebuild had been completed and synced, and then the swap is finished rather than thrown away.
    if (fs.existsSync(swap)) {
      fs.renameSync(swap, live);
      syncDirectory(path.dirname(live));
    } else fs.rmSync(swap, { force: true });
  }
  const unfinishedRebuild = fs.existsSync(rebuildingPath(live));
  removeDatabase(rebuildingPath(live));
  removeStaleGenerations(live);
  return { unfinishedRebuild };
}

/**
 * Swaps a finished rebuild (`built`, closed, in WAL mode and synced) in as the live store: readers that look at
 * `live` from now on open it, those still on the previous generation keep reading that one until they reopen.
 */
export function swapIn(live: string, built: string): void {
  const dir = path.dirname(live);
  let generation = `${live}.g${Date.now().toString(36)}`;
  for (let n = 0; fs.existsSync(generation); n++) generation = `${live}.g${Date.now().toString(36)}${n}`;
  const swap = swapPath(live);
  fs.rmSync(swap, { force: true });
  fs.symlinkSync(path.basename(generation), swap);
  fs.renameSync(built, generation);
  fs.renameSync(swap, live);
  syncDirectory(dir);
  removeStaleGenerations(live);
}

/** Deletes the store at `live` and every file of it: its generations, an unfinished rebuild, WAL and journals. */
export function removeStoreFiles(live: string): void {
  fs.rmSync(swapPath(live), { force: true });
  removeDatabase(rebuildingPath(live));
  removeDatabase(live);
  removeStaleGenerations(live);
}

/** A file's identity as the path names it now (through a link): it changes when a rebuild is swapped in. */
export function fileIdentity(file: string): string | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** fsync of a file SQLite wrote without syncing (the rebuild), once, before it is swapped in. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Generations `live` does not point to, and the WAL of a plain file `live` was before its first swap. Readers
 * still on them keep their open files (POSIX), and SQLite does not checkpoint into a file that has moved.
 */
function removeStaleGenerations(live: string): void {
  const dir = path.dirname(live);
  const base = path.basename(live);
  const current = isLink(live) ? path.basename(fs.readlinkSync(live)) : null;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.g`)) continue;
    const generation = name.replace(/-(wal|shm|journal)$/, '');
    if (!GENERATION.test(generation.slice(base.length)) || generation === current) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
  if (current)
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
}

function removeDatabase(file: string): void {
  if (isLink(file)) {
    const target = path.resolve(path.dirname(file), fs.readlinkSync(file));
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
