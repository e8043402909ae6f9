import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(__dirname, 'histories');
const recorded = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Determinism guard: histories recorded from real runs (a full lifecycle with reminders, an overdue decision
 * and an escalation; a cancelled procedure) must replay against today's workflow code without a single
 * non-deterministic step. A change that breaks this needs Temporal's patching, not a re-recording.
 */
describe('recorded procedure histories replay on the current workflow code', () => {
  it('has recorded histories to check', () => {
    expect(recorded.sort()).toEqual(['lifecycle-cancelled.json', 'lifecycle-closed.json']);
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
