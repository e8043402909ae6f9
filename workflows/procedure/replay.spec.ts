import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';
import { MUTEX_PATCH } from './command-lock';
import { LOCAL_APPEND_PATCH } from './workflow';

const dir = path.join(__dirname, 'histories');

/**
 * Determinism guard: histories recorded from real runs (a full lifecycle with reminders, an overdue decision
 * and an escalation; a cancelled procedure; a re-check), made before and after each patch, must replay against
 * today's workflow code without a single non-deterministic step. A change that breaks this needs Temporal's
 * patching, not a re-recording.
 */
describeRecordedHistories(
  'procedure',
  dir,
  [
    'lifecycle-cancelled.append-local-activity.json',
    'lifecycle-cancelled.command-lock-async-mutex.json',
    'lifecycle-cancelled.json',
    'lifecycle-chain.append-local-activity.json',
    'lifecycle-chain.escalation-chains.json',
    'lifecycle-closed.append-local-activity.json',
    'lifecycle-closed.command-lock-async-mutex.json',
    'lifecycle-closed.json',
    'lifecycle-recheck.append-local-activity.json',
    'lifecycle-recheck.command-lock-async-mutex.json',
  ],
  (recorded) => {
    const read = (file: string) =>
      JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { events: HistoryEvent[] };

    it.each(recorded)('%s was made before or after each patch, as its name says', (file) => {
      const patches = read(file)
        .events.map((e) => e.markerRecordedEventAttributes)
        .filter((m) => m?.markerName === 'core_patch')
        .map((m) => patchIdOf(m!.details));
      // The escalation-chains recording carries both markers: it was made with the lock patch in force; the
      // local-append recordings were made with the lock patch in force too, and the chain's with its chase.
      const expected = file.includes(`.${LOCAL_APPEND_PATCH}.`)
        ? [
            MUTEX_PATCH,
            LOCAL_APPEND_PATCH,
            ...(file.startsWith('lifecycle-chain.') ? ['escalation-chains'] : []),
          ]
        : file.includes(`.${MUTEX_PATCH}.`)
          ? [MUTEX_PATCH]
          : file.includes('.escalation-chains.')
            ? [MUTEX_PATCH, 'escalation-chains']
            : [];
      expect([...new Set(patches)].sort()).toEqual(expected.sort());
    });

    it.each(recorded)(
      '%s appends as its patches say: activity tasks before the local-append patch, local activities after',
      (file) => {
        const { events } = read(file);
        const tasks = events.filter(
          (e) => e.activityTaskScheduledEventAttributes?.activityType.name === 'appendEvents',
        ).length;
        const locals = events
          .map((e) => e.markerRecordedEventAttributes)
          .filter((m) => m?.markerName === 'core_local_activity')
          .filter(
            (m) => decode<{ activity_type: string }>(m!.details, 'data').activity_type === 'appendEvents',
          ).length;
        if (file.includes(`.${LOCAL_APPEND_PATCH}.`)) {
          expect(tasks).toBe(0);
          expect(locals).toBeGreaterThan(0);
        } else {
          expect(tasks).toBeGreaterThan(0);
          expect(locals).toBe(0);
        }
      },
    );
  },
);

interface HistoryEvent {
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
  markerRecordedEventAttributes?: { markerName: string; details: MarkerDetails };
}

type MarkerDetails = Record<string, { payloads: Array<{ data: string }> }>;

function patchIdOf(details: MarkerDetails): string {
  return decode<{ id: string }>(details, 'patch-data').id;
}

function decode<T>(details: MarkerDetails, key: string): T {
  const [payload] = details[key].payloads;
  return JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as T;
}
