import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * With VSOKO_RECORD_HISTORIES=1 the integration tests save their workflows' histories into the workflow's
 * `histories/` folder; its replay spec then guards every later change of workflow code against them. Record
 * anew only for a deliberate, patched change, and keep the older recordings: VSOKO_RECORD_HISTORIES=<patch>
 * saves `<name>.<patch>.json` beside them.
 */
export async function recordHistory(
  name: string,
  history: temporal.api.history.v1.IHistory,
  dir: string,
): Promise<void> {
  const tag = process.env.VSOKO_RECORD_HISTORIES;
  if (!tag) return;
  const file = tag === '1' ? `${name}.json` : `${name}.${tag}.json`;
  fs.writeFileSync(path.join(dir, file), historyToJSON(history as temporal.api.history.v1.History));
}

/**
 * The determinism guard of one workflow: every history recorded in `dir` (exactly `expected`, so a recording
 * cannot vanish unnoticed) replays against today's workflow bundle without a non-deterministic step. `more`
 * adds the workflow's own checks of its recordings inside the same describe block.
 */
export function describeRecordedHistories(
  workflow: string,
  dir: string,
  expected: string[],
  more?: (recorded: string[]) => void,
): void {
  const recorded = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  describe(`recorded ${workflow} histories replay on the current workflow code`, () => {
    it('has recorded histories to check', () => {
      expect(recorded.sort()).toEqual(expected);
    });

    more?.(recorded);

    it.each(recorded)(
      '%s replays without a determinism error',
      async (file) => {
        const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
        expect(history.events?.length).toBeGreaterThan(10);
        await Worker.runReplayHistory(
          { workflowsPath: require.resolve('../index'), replayName: file },
          history,
        );
      },
      // Each replay bundles the workflows with webpack first: over a minute at a load average of 25 on 2 cores.
      180_000,
    );
  });
}
