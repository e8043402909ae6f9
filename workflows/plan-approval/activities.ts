import { asyncLocalStorage as activityContext } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { MetricMeter } from '@temporalio/common';
import {
  procedureDecider,
  procedureStreamName,
  VsokoError,
  type CommandContext,
  type PlannedProcedure,
} from '../../libs/domain/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import type { EventStore } from '../../libs/event-store/src';
import { ProcedureClient } from '../procedure/client';
import { recordPlanFanOut, type PlanFanOutProgress } from '../shared/plan-fan-out-metrics';
import { firstTimerAt } from '../procedure/timer-policy';
import {
  runStep,
  scheduleCommand,
  stepContext,
  type ReconcileStep,
  type ReconcileTarget,
  type StepOutcome,
} from './steps';

/** A procedure scheduled on the log without its workflow: when that workflow must run (its first timer). */
export type LogScheduleOutcome =
  | { procedureId: string; outcome: 'scheduled'; wakeAt: string | null }
  | { procedureId: string; outcome: 'alreadyThere' }
  /** On the log already with another window, or refused in a way the workflow path reports: that path runs it. */
  | { procedureId: string; outcome: 'viaWorkflow' }
  | { procedureId: string; outcome: 'failed'; code: string; message: string };

export interface PlanApprovalActivities {
  /** Brings one procedure in line with the approved plan; a refusal is an outcome, not a failure. */
  reconcileStep(input: {
    step: ReconcileStep;
    target: ReconcileTarget;
    context: CommandContext;
    /** The approval's procedures, counted as planned by the first activity of its run (PlanFanOutCount). */
    countPlanned?: number;
  }): Promise<StepOutcome>;
  /**
   * Lazy starts (ADR 0009): schedules new procedures on the log through the one command handler, without
   * starting their workflows; answers when each workflow must be running. Safe to repeat (command ids).
   */
  scheduleOnLog(input: {
    procedures: PlannedProcedure[];
    target: ReconcileTarget;
    context: CommandContext;
    countPlanned?: number;
  }): Promise<LogScheduleOutcome[]>;
  /** Starts the workflows of procedures scheduled on the log (those already running are left); answers how many. */
  wakeProcedures(input: { procedureIds: string[] }): Promise<number>;
}

/** Workflows started at once by one wake activity. */
const WAKE_PARALLEL = 8;

/** Activities drive the procedure workflows through the one procedure client, as the API does. */
export function createPlanApprovalActivities(deps: {
  temporal: Client;
  store: EventStore;
  /** Where the fan-out's progress is counted; the running activity's meter (the worker's metrics) by default. */
  meter?: () => MetricMeter;
}): PlanApprovalActivities {
  const procedures = new ProcedureClient(deps.temporal, deps.store);
  const handler = new DeciderHandler(deps.store);
  const count = (progress: PlanFanOutProgress) =>
    recordPlanFanOut(deps.meter?.() ?? activityContext.getStore()!.metricMeter, progress);
  return {
    async reconcileStep({ step, target, context, countPlanned }) {
      const procedureId = step.kind === 'ensure' ? step.procedure.procedureId : step.procedureId;
      // A fact of this run on the procedure's log: an earlier attempt of this step ran, and counted it.
      const repeat = (await deps.store.readStream(procedureStreamName(procedureId))).some(
        (e) =>
          typeof e.metadata.causationId === 'string' &&
          e.metadata.causationId.startsWith(`${context.commandId}:`),
      );
      const outcome = await runStep(procedures, step, target, context);
      if (!repeat) count({ planned: countPlanned, ...(outcome.failed ? { failed: 1 } : { started: 1 }) });
      return outcome;
    },

    async scheduleOnLog({ procedures: planned, target, context, countPlanned }) {
      // One transaction for the lot where the log can (one commit instead of one per procedure).
      const handled = await handler.handleMany(
        procedureDecider,
        planned.map((p) => ({
          streamName: procedureStreamName(p.procedureId),
          command: scheduleCommand(p, target, context.issuedAt),
          context: stepContext(context, 'schedule', p.procedureId),
        })),
      );
      const out: LogScheduleOutcome[] = [];
      for (const [i, result] of handled.entries()) {
        const p = planned[i];
        const { procedureId } = p;
        if (!('error' in result)) {
          out.push({ procedureId, outcome: 'scheduled', wakeAt: firstTimerAt(result.state) });
          continue;
        }
        const e = result.error;
        if (!(e instanceof VsokoError)) throw e;
        if (e.code !== 'PROCEDURE_ALREADY_SCHEDULED') {
          out.push({ procedureId, outcome: 'failed', code: e.code, message: e.message });
          continue;
        }
        const { state } = await handler.load(procedureStreamName(procedureId), procedureDecider);
        const same =
          state.status !== 'none' && state.window.from === p.window.from && state.window.to === p.window.to;
        out.push({ procedureId, outcome: same ? 'alreadyThere' : 'viaWorkflow' });
      }
      // The batch is one transaction: a command id found recorded means an earlier attempt committed the lot and
      // counted it. A procedure sent on to the workflow path is counted by its reconcile step.
      if (!handled.some((r) => !('error' in r) && r.replayed))
        count({
          planned: countPlanned,
          started: out.filter((o) => o.outcome === 'scheduled' || o.outcome === 'alreadyThere').length,
          failed: out.filter((o) => o.outcome === 'failed').length,
        });
      return out;
    },

    async wakeProcedures({ procedureIds }) {
      let started = 0;
      const queue = [...procedureIds];
      // Beats while this attempt runs (the wakes workflow's patch lost-activity-tasks retries an attempt after
      // 20 s without one): an attempt whose task never reached a worker shows within 20 s, and a start the busy
      // server takes 22 s to answer (measured at 1,000 schools) does not look like one.
      const context = activityContext.getStore();
      const beat = () => context?.heartbeat(started);
      const beating = setInterval(beat, 5_000);
      const lane = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          if (await procedures.wake(id)) started++;
          beat();
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(WAKE_PARALLEL, queue.length) }, lane));
      } finally {
        clearInterval(beating);
      }
      return started;
    },
  };
}
