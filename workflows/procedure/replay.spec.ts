import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';
import { MUTEX_PATCH } from './command-lock';

const dir = path.join(__dirname, 'histories');

/**
 * Determinism guard: histories recorded from real runs (a full lifecycle with reminders, an overdue decision
 * and an escalation; a cancelled procedure) must replay against today's workflow code without a single
 * non-deterministic step. A change that breaks this needs Temporal's patching, not a re-recording.
 */
describeRecordedHistories(
  'procedure',
  dir,
  [
    'lifecycle-cancelled.command-lock-async-mutex.json',
    'lifecycle-cancelled.json',
    'lifecycle-chain.escalation-chains.json',
    'lifecycle-closed.command-lock-async-mutex.json',
    'lifecycle-closed.json',
    'lifecycle-recheck.command-lock-async-mutex.json',
  ],
  (recorded) => {
    it.each(recorded)('%s was made before or after the command-lock patch, as its name says', (file) => {
      const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        events: Array<{ markerRecordedEventAttributes?: { markerName: string; details: PatchDetails } }>;
      };
      const patches = history.events
        .map((e) => e.markerRecordedEventAttributes)
        .filter((m) => m?.markerName === 'core_patch')
        .map((m) => patchIdOf(m!.details));
      // The escalation-chains recording carries both markers: it was made with the lock patch in force.
      const expected = file.includes(`.${MUTEX_PATCH}.`)
        ? [MUTEX_PATCH]
        : file.includes('.escalation-chains.')
          ? [MUTEX_PATCH, 'escalation-chains']
          : [];
      expect([...new Set(patches)].sort()).toEqual(expected.sort());
    });
  },
);

type PatchDetails = Record<string, { payloads: Array<{ data: string }> }>;

function patchIdOf(details: PatchDetails): string {
  const [payload] = details['patch-data'].payloads;
  return (JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { id: string }).id;
}
