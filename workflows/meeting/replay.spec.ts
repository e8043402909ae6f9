import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

/**
 * Determinism guard for the held meeting's fan-out: a history recorded by
 * test/integration/meetings/meeting-discussions.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — three procedures
 * discussed and one refused — replays against today's workflow code.
 */
describeRecordedHistories('meeting', path.join(__dirname, 'histories'), ['meeting-discussions.json']);
