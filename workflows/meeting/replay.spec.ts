import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(__dirname, 'histories');
const recorded = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Determinism guard for the held meeting's fan-out: a history recorded by
 * test/integration/meetings/meeting-discussions.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — three procedures
 * discussed and one refused — replays against today's workflow code.
 */
describe('recorded meeting histories replay on the current workflow code', () => {
  it('has recorded histories to check', () => {
    expect(recorded.sort()).toEqual(['meeting-discussions.json']);
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
