import type { Client } from '@temporalio/client';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Lag, ProjectorLag } from './projector-lag';
import { withTimeout } from './with-timeout';

/** Closed workflow executions by status, as Temporal's visibility counts them over the namespace's retention. */
const UNSUCCESSFUL = { failed: 'Failed', timed_out: 'TimedOut', terminated: 'Terminated' } as const;
const TEMPORAL_TIMEOUT_MS = 2_000;

export interface ApiMetrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * The API's Prometheus registry: its own HTTP latency and process figures, and what it can see of the whole
 * system from the durable state at scrape time — the projector's lag from the log and the checkpoint, and
 * unsuccessful workflows from Temporal's visibility — so every API replica answers the same for those.
 * Activity failures and mail failures are counted where they happen, by the workers (README, Operations).
 */
export function createApiMetrics(deps: {
  lag: ProjectorLag;
  temporal: Client;
  /** A part that could not be measured leaves its gauge empty for this scrape and is reported here. */
  onCollectError: (part: string, error: unknown) => void;
}): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vsoko_api_' });
  const requestDuration = new Histogram({
    name: 'vsoko_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status; the commands are the non-GET routes',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const lagGauge = (name: string, help: string, pick: (lag: Lag) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.reset();
        try {
          this.set(pick(await deps.lag.measure()));
        } catch (e) {
          deps.onCollectError(name, e);
        }
      },
    });
  lagGauge(
    'vsoko_projector_lag_events',
    'Events in the log not yet in the read models (log positions on KurrentDB)',
    (l) => l.events,
  );
  lagGauge(
    'vsoko_projector_lag_seconds',
    'Age of the oldest event not yet in the read models; 0 when caught up',
    (l) => l.seconds,
  );
  lagGauge('vsoko_event_log_head_position', 'Position of the last event in the log', (l) => l.head);
  lagGauge(
    'vsoko_projector_checkpoint_position',
    'Last log position folded into the read models',
    (l) => l.checkpoint,
  );
  new Gauge({
    name: 'vsoko_workflow_executions_unsuccessful',
    help: "Closed workflow executions that did not complete, by status, within the namespace's retention",
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [status, temporalStatus] of Object.entries(UNSUCCESSFUL)) {
          const { count } = await withTimeout(
            deps.temporal.workflow.count(`ExecutionStatus="${temporalStatus}"`),
            TEMPORAL_TIMEOUT_MS,
            'Temporal',
          );
          this.set({ status }, count);
        }
      } catch (e) {
        deps.onCollectError('vsoko_workflow_executions_unsuccessful', e);
      }
    },
  });
  return { registry, requestDuration };
}
