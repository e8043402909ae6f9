import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

/**
 * Determinism guard for the decision workflow: histories recorded by test/integration/lifecycle/
 * decision-timers.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — a whole-year decision's check-ins, deadline and
 * escalation; a standing decision's monthly check-ins — replay against today's workflow code.
 */
describeRecordedHistories('decision', path.join(__dirname, 'histories'), [
  'decision-standing.json',
  'decision-year.json',
]);
