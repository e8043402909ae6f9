import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(__dirname, 'histories');
const recorded = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Determinism guard for the decision workflow: histories recorded by test/integration/lifecycle/
 * decision-timers.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — a whole-year decision's check-ins, deadline and
 * escalation; a standing decision's monthly check-ins — replay against today's workflow code.
 */
describe('recorded decision histories replay on the current workflow code', () => {
  it('has recorded histories to check', () => {
    expect(recorded.sort()).toEqual(['decision-standing.json', 'decision-year.json']);
  });

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
    60_000,
  );
});
