import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

/**
 * Determinism guard for the staff list's approval: a history recorded by
 * test/integration/people/staff-import.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — 39 people registered and given
 * their positions in four lanes, 38 invitations mailed from the notifications queue — replays against today's
 * workflow code.
 */
describeRecordedHistories('staff import', path.join(__dirname, 'histories'), ['staff-import.json']);
