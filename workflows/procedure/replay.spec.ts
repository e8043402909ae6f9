import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MUTEX_PATCH } from './command-lock';

const dir = path.join(__dirname, 'histories');
const recorded = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Determinism guard: histories recorded from real runs (a full lifecycle with reminders, an overdue decision
 * and an escalation; a cancelled procedure) must replay against today's workflow code without a single
 * non-deterministic step. A change that breaks this needs Temporal's patching, not a re-recording.
 */
describe('recorded procedure histories replay on the current workflow code', () => {
  it('has recorded histories to check', () => {
    expect(recorded.sort()).toEqual([
      'lifecycle-cancelled.command-lock-async-mutex.json',
      'lifecycle-cancelled.json',
      'lifecycle-closed.command-lock-async-mutex.json',
      'lifecycle-closed.json',
      'lifecycle-recheck.command-lock-async-mutex.json',
    ]);
  });

  it.each(recorded)('%s was made before or after the command-lock patch, as its name says', (file) => {
    const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      events: Array<{ markerRecordedEventAttributes?: { markerName: string; details: PatchDetails } }>;
    };
    const patches = history.events
      .map((e) => e.markerRecordedEventAttributes)
      .filter((m) => m?.markerName === 'core_patch')
      .map((m) => patchIdOf(m!.details));
    expect(patches).toEqual(file.includes(`.${MUTEX_PATCH}.`) ? [MUTEX_PATCH] : []);
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

type PatchDetails = Record<string, { payloads: Array<{ data: string }> }>;

function patchIdOf(details: PatchDetails): string {
  const [payload] = details['patch-data'].payloads;
  return (JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { id: string }).id;
}
