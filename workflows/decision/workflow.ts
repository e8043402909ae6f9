import { condition, continueAsNew, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  enteredAfterDeadline,
  pendingDecisionTimers,
  type PendingDecisionTimer,
  type TimerPolicy,
} from '../../libs/domain/src';
import type { DecisionActivities } from './activities';
import {
  decisionChangedSignal,
  decisionTimersQuery,
  STEPS_PER_RUN,
  type DecisionWorkflowInput,
} from './definitions';
import { notifyRecorded } from './notify';

const { loadDecision, fireDecisionTimer, fireDecisionTimerRecorded, startRecheck } =
  proxyActivities<DecisionActivities>({
    startToCloseTimeout: '1 minute',
    retry: { maximumInterval: '1 minute' },
  });

/**
 * Keeps a decision's time: loads the decision, sleeps until its first pending timer (a reminder, the deadline,
 * a check-in, a step of the escalation chain) and fires it through an activity; a signal that the decision
 * changed cuts the sleep short. The rules — which timers, and whether one still matters — are the domain's
 * (`pendingDecisionTimers`, the decider's timer commands). It ends when the decision is resolved for good.
 *
 * Patch `escalation-chains`: runs recorded before it watched without the chain and the school's calendar and
 * sent no mail; from it on, every recorded fact that someone must hear of is mailed and its delivery recorded.
 *
 * Patch `late-entries-overdue`: runs recorded before it left a decision entered after its deadline unwatched;
 * from it on, such a decision is marked missed at once and chased from the day it was entered. The patch is
 * asked only for such a decision, so no other run records its marker.
 */
export async function decisionWorkflow(input: DecisionWorkflowInput): Promise<void> {
  let changed = false;
  let timers: PendingDecisionTimer[] = [];
  setHandler(decisionChangedSignal, () => {
    changed = true;
  });
  setHandler(decisionTimersQuery, () => timers);
  const chains = patched('escalation-chains');

  const rechecksStarted = new Set(input.rechecksStarted ?? []);

  for (let step = 0; step < STEPS_PER_RUN; step++) {
    changed = false;
    const { state, policy } = await loadDecision(input.decisionId);
    // «Не эффективно» asked for re-check procedures: scheduled here, durably, before anything else.
    const rechecks = state.status === 'none' ? [] : state.assessments.flatMap((a) => a.rechecks ?? []);
    const pending = rechecks.filter((c) => !rechecksStarted.has(c.procedureId));
    if (pending.length > 0 && patched('effectiveness-recheck')) {
      for (const child of pending) {
        const outcome = await startRecheck({ decisionId: input.decisionId, child }).catch(() => 'failed');
        if (outcome !== 'started' && outcome !== 'already')
          log.warn('re-check not scheduled', { childProcedureId: child.procedureId, outcome });
        rechecksStarted.add(child.procedureId);
      }
    }
    if (state.status === 'withdrawn' || state.status === 'assessed') return;
    const lateEntries = enteredAfterDeadline(state) && patched('late-entries-overdue');
    timers = policy
      ? pendingDecisionTimers(state, chains ? policy : withoutChase(policy), { lateEntries })
      : [];
    const next = timers[0];
    if (!next) {
      // Executed, or without a deadline: nothing to watch until someone records something.
      await condition(() => changed);
      continue;
    }
    const wait = Date.parse(next.at) - workflowNow();
    if (wait > 0 && (await condition(() => changed, wait))) continue;
    const fired = { command: next.command, firedAt: new Date(workflowNow()).toISOString() };
    let recorded: number;
    if (chains) {
      const facts = await fireDecisionTimerRecorded(fired);
      await notifyRecorded(state, facts);
      recorded = facts.length;
    } else {
      recorded = (await fireDecisionTimer(fired)).length;
    }
    // A timer the decider found stale records nothing; waiting for a change keeps it from firing in a loop.
    if (recorded === 0) await condition(() => changed);
  }
  await continueAsNew<typeof decisionWorkflow>({
    decisionId: input.decisionId,
    rechecksStarted: [...rechecksStarted],
  });
}

/** The policy as runs before the patch saw it: no chain, no calendar. */
function withoutChase(policy: TimerPolicy): TimerPolicy {
  const { chase: _chase, workingDays: _days, ...rest } = policy;
  return rest;
}

// Date.now() inside a workflow is Temporal's replay-safe clock (the time of the current workflow task).
// eslint-disable-next-line no-restricted-syntax
const workflowNow = (): number => Date.now();
