import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

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
 * (`procedure-wakes.lazy-starts.json`).
 */
describeRecordedHistories(
  'plan approval',
  dir,
  [
    'plan-approval.json',
    'plan-approval.lazy-starts.json',
    'plan-approval.school-chase.json',
    'procedure-wakes.lazy-starts.json',
  ],
  () => {
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
