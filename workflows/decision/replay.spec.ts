import * as path from 'node:path';
import { describeRecordedHistories } from '../testing/histories';

/**
 * Determinism guard for the decision workflow: histories recorded by test/integration/lifecycle/
 * decision-timers.int-spec.ts (VSOKO_RECORD_HISTORIES=1) — a whole-year decision's check-ins, deadline and
 * escalation; a standing decision's monthly check-ins — replay against today's workflow code. The
 * `.escalation-chains` recordings (patch `escalation-chains`) add the chase up to the inspector with a mail and
 * its delivery record for every step (test/integration/lifecycle/escalation-chain.int-spec.ts), and the
 * older ones prove that runs recorded before the patch still replay. test/integration/meetings/
 * not-effective-recheck.int-spec.ts (VSOKO_RECORD_HISTORIES=effectiveness-recheck) records «не эффективно»
 * scheduling a re-check procedure behind its own patch. test/integration/meetings/late-decision.int-spec.ts
 * (VSOKO_RECORD_HISTORIES=late-entries-overdue) records a decision entered after its deadline: marked missed at
 * once, mailed about, then waiting for the chase's first step.
 */
describeRecordedHistories('decision', path.join(__dirname, 'histories'), [
  'decision-chain.escalation-chains.json',
  'decision-late.late-entries-overdue.json',
  'decision-recheck.effectiveness-recheck.json',
  'decision-standing.escalation-chains.json',
  'decision-standing.json',
  'decision-year.escalation-chains.json',
  'decision-year.json',
]);
