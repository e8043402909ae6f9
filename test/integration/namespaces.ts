import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Each integration test file runs its workflows in a Temporal namespace of its own, so timers and activities
 * left running by one file can never reach another file's event log, and the ids a file derives from its school
 * and year (plan approvals, procedures) are not those of an earlier file. The dev server creates them at launch:
 * a full run takes about 70 (a file may start its services more than once); the dev server is ready as soon
 * with 200 as with 40 (1.8 against 1.7 s at load 17).
 */
export const TEST_NAMESPACES = Array.from({ length: 200 }, (_, i) => `it-${i + 1}`);

/**
 * A namespace no other test file of this run has had. Claimed by creating its marker in the run's data folder
 * (made by the global set-up), which every file of the run sees: jest gives each file its own copy of
 * process.env, so a counter kept there started every file at `it-1`, and files run in parallel workers share no
 * memory at all. A namespace is never handed out twice: closed workflows keep their ids for the namespace's
 * retention, so a procedure another file closed could not be started again even after a clean-up.
 */
export function nextTestNamespace(): string {
  const root = process.env.VSOKO_IT_DATA_DIR;
  if (!root)
    throw new Error("VSOKO_IT_DATA_DIR is not set: integration tests run under jest's integration project");
  const claims = path.join(root, 'namespaces');
  fs.mkdirSync(claims, { recursive: true });
  for (const namespace of TEST_NAMESPACES) {
    try {
      fs.writeFileSync(path.join(claims, namespace), `${process.pid}\n`, { flag: 'wx' });
      return namespace;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(
    `All ${TEST_NAMESPACES.length} test namespaces are taken: raise their number in test/integration/namespaces.ts`,
  );
}
