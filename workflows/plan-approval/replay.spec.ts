import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';
import { LOST_ACTIVITY_TASKS_PATCH } from './definitions';

const dir = path.join(__dirname, 'histories');

/**
 * Determinism guard for the plan approval's fan-out: histories recorded by
 * test/integration/plans/approval-workflow.int-spec.ts — twelve procedures scheduled in eight lanes while a client
 * follows the progress query — replay against today's workflow code. `plan-approval.json` was started before plan
 * procedures were chased (no school settings in its input); `plan-approval.school-chase.json` carries the school's
 * chain and calendar (VSOKO_RECORD_HISTORIES=school-chase). The workflow's commands are the same for both: the
 * settings only travel to the steps, so no patch is needed. Patch lazy-starts (VSOKO_RECORD_HISTORIES=lazy-starts):
 * new procedures scheduled on the log in batches and a child workflow holding their first timers
 * (`plan-approval.lazy-starts.json`), and that child starting due procedures' workflows
 * (`procedure-wakes.lazy-starts.json`). Patch lost-activity-tasks (VSOKO_RECORD_HISTORIES=lost-activity-tasks): the
 * log batches with a 30 s start-to-close timeout, the wakes with a 20 s heartbeat timeout, so that a task the
 * server recorded started and never delivered is retried soon (`*.lost-activity-tasks.json`); the histories
 * before it keep their timeouts on replay.
 */
describeRecordedHistories(
  'plan approval',
  dir,
  [
    'plan-approval.json',
    'plan-approval.lazy-starts.json',
    'plan-approval.lost-activity-tasks.json',
    'plan-approval.school-chase.json',
    'procedure-wakes.lazy-starts.json',
    'procedure-wakes.lost-activity-tasks.json',
  ],
  () => {
    it.each([
      ['plan-approval.lazy-starts.json', 'scheduleOnLog', false, { startToCloseTimeout: '120s' }],
      ['plan-approval.lost-activity-tasks.json', 'scheduleOnLog', true, { startToCloseTimeout: '30s' }],
      // Recorded before the wake's timeout went from five minutes to one (31ec497, options only: it replays).
      ['procedure-wakes.lazy-starts.json', 'wakeProcedures', false, { startToCloseTimeout: '300s' }],
      [
        'procedure-wakes.lost-activity-tasks.json',
        'wakeProcedures',
        true,
        { startToCloseTimeout: '300s', heartbeatTimeout: '20s' },
      ],
    ])(
      '%s: %s scheduled with patch lost-activity-tasks %s, timeouts %j',
      (file, activity, marked, timeouts) => {
        const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
          events: Array<{
            markerRecordedEventAttributes?: {
              details?: { 'patch-data'?: { payloads: Array<{ data: string }> } };
            };
            activityTaskScheduledEventAttributes?: {
              activityType: { name: string };
              startToCloseTimeout?: string;
              heartbeatTimeout?: string;
            };
          }>;
        };
        const patches = history.events
          .flatMap((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? [])
          .map((p) => (JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { id: string }).id);
        expect(patches.includes(LOST_ACTIVITY_TASKS_PATCH)).toBe(marked);
        const scheduled = history.events
          .map((e) => e.activityTaskScheduledEventAttributes)
          .filter((a) => a?.activityType.name === activity);
        expect(scheduled.length).toBeGreaterThan(0);
        for (const a of scheduled)
          expect({
            startToCloseTimeout: a!.startToCloseTimeout,
            heartbeatTimeout: a!.heartbeatTimeout,
          }).toEqual({
            heartbeatTimeout: '0s',
            ...timeouts,
          });
      },
    );

    it.each([
      ['plan-approval.json', false],
      ['plan-approval.school-chase.json', true],
    ])('%s carries the school settings in its input: %s', (file, carries) => {
      const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        events: Array<{
          workflowExecutionStartedEventAttributes?: { input: { payloads: Array<{ data: string }> } };
        }>;
      };
      const started = history.events[0].workflowExecutionStartedEventAttributes!;
      const input = JSON.parse(Buffer.from(started.input.payloads[0].data, 'base64').toString('utf8')) as {
        target: { school?: { calendars?: Record<string, unknown> } };
      };
      expect(input.target.school !== undefined).toBe(carries);
      if (carries) expect(Object.keys(input.target.school!.calendars ?? {})).toHaveLength(1);
    });
  },
);
