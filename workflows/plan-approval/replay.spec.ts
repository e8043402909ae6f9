import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

/**
 * Determinism guard for the plan approval's fan-out: a history recorded by
 * test/integration/plans/approval-workflow.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — twelve procedures
 * scheduled in eight lanes while a client follows the progress query — replays against today's workflow code.
 */
describeRecordedHistories('plan approval', path.join(__dirname, 'histories'), ['plan-approval.json']);
