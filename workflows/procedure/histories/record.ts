import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * With VSOKO_RECORD_HISTORIES=1 the lifecycle tests save their workflows' histories here; the replay spec then
 * guards every later change of workflow code against them. Record anew only for a deliberate, patched change,
 * and keep the older recordings: VSOKO_RECORD_HISTORIES=<patch> saves `<name>.<patch>.json` beside them.
 */
export async function recordHistory(
  name: string,
  history: temporal.api.history.v1.IHistory,
  dir: string = __dirname,
): Promise<void> {
  const tag = process.env.VSOKO_RECORD_HISTORIES;
  if (!tag) return;
  const file = tag === '1' ? `${name}.json` : `${name}.${tag}.json`;
  fs.writeFileSync(path.join(dir, file), historyToJSON(history as temporal.api.history.v1.History));
}
