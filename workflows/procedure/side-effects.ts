import { ActivityFailure, RetryState, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { log, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import {
  DEFAULT_TIME_ZONE,
  type CommandContext,
  type NotificationTopic,
  type ProcedureEvent,
  type ProcedureState,
  type ScheduleProcedure,
} from '../../libs/domain/src';
import type { NotificationActivities } from '../notifications/activities';
import {
  describeAddressee,
  isNotifiable,
  NOTIFICATIONS_TASK_QUEUE,
  type NotifiableEvent,
} from '../notifications/definitions';
import type { CommandEnvelope, CommandOutcome } from './definitions';
import { procedureWorkflowId, PROCEDURES_TASK_QUEUE } from './definitions';
import { systemContext } from './system-context';
import type { procedureWorkflow } from './workflow';

const NOTIFICATION_ATTEMPTS = 10;

// Mail may be down for hours; the procedure never waits for it, and the final outcome is recorded either way.
const { sendNotification } = proxyActivities<NotificationActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    maximumAttempts: NOTIFICATION_ATTEMPTS,
  },
});

export interface SideEffectsDeps {
  procedureId: string;
  streamName: string;
  state(): ProcedureState;
  /** Records an outcome as a command, through the same runner as everything else. */
  execute(envelope: CommandEnvelope): Promise<CommandOutcome>;
}

/**
 * What a recorded event sets going besides the log: a mail to whoever must hear of it, a re-check procedure's
 * own workflow. Both run in the background and are counted, so the run ends or continues as new only once
 * they have settled.
 */
export function createSideEffects(deps: SideEffectsDeps) {
  let inFlight = 0;
  const track = (work: () => Promise<void>) => {
    inFlight++;
    void (async () => {
      try {
        await work();
      } finally {
        inFlight--;
      }
    })();
  };

  /** Sends in the background; its outcome comes back as a command, so it is recorded like everything else. */
  const notify = async (event: NotifiableEvent, eventRevision: number) => {
    const notificationId = `${deps.streamName}:${eventRevision}`;
    const state = deps.state();
    const schoolId = 'schoolId' in state ? state.schoolId : '';
    const procedure = {
      procedureId: deps.procedureId,
      title: 'title' in state ? state.title : deps.procedureId,
      timeZone: 'timeZone' in state ? state.timeZone : DEFAULT_TIME_ZONE,
    };
    const base = {
      procedureId: deps.procedureId,
      notificationId,
      channel: 'email' as const,
      about: topicOf(event),
    };
    try {
      const delivery = await sendNotification({ notificationId, schoolId, procedure, event });
      await deps.execute({
        command: { type: 'RecordNotificationSent', data: { ...base, ...delivery } },
        context: systemContext(deps.state(), deps.procedureId, `notification:${notificationId}`),
      });
    } catch (e) {
      await deps
        .execute({
          command: {
            type: 'RecordNotificationFailed',
            data: {
              ...base,
              recipient: describeAddressee(event),
              attempt: attemptsOf(e),
              error: messageOf(e),
              willRetry: false,
            },
          },
          context: systemContext(deps.state(), deps.procedureId, `notification:${notificationId}:failed`),
        })
        .catch((recordError) =>
          // Never let a notification take the procedure down: at worst the outcome is missing from the log.
          log.error('notification outcome not recorded', { notificationId, error: messageOf(recordError) }),
        );
    }
  };

  const startRecheck = async (child: ScheduleProcedure['data'], cause: CommandContext) => {
    try {
      await startChild<typeof procedureWorkflow>('procedureWorkflow', {
        workflowId: procedureWorkflowId(child.procedureId),
        taskQueue: PROCEDURES_TASK_QUEUE,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            procedureId: child.procedureId,
            initialCommand: {
              command: { type: 'ScheduleProcedure', data: child },
              context: {
                ...systemContext(deps.state(), child.procedureId, `recheck:${child.procedureId}`),
                causationId: cause.commandId,
              },
            },
          },
        ],
      });
    } catch (e) {
      // Already started (a replayed or repeated request) is the outcome we wanted; anything else leaves the
      // re-check to be scheduled by hand, and the parent procedure goes on. Either way it is in the log.
      if (e instanceof WorkflowExecutionAlreadyStartedError) {
        log.info('re-check already started', { childProcedureId: child.procedureId });
      } else {
        log.warn('re-check not started', { childProcedureId: child.procedureId, error: messageOf(e) });
      }
    }
  };

  return {
    recorded(event: ProcedureEvent, revision: number, cause: CommandContext): void {
      if (isNotifiable(event)) track(() => notify(event, revision));
      if (event.type === 'RecheckRequested') track(() => startRecheck(event.data.child, cause));
    },
    /** True when no mail and no child start is still under way. */
    settled: (): boolean => inFlight === 0,
  };
}

function topicOf(event: NotifiableEvent): NotificationTopic {
  switch (event.type) {
    case 'StageOverdue':
      return { kind: 'stage-overdue', stage: event.data.stage };
    case 'DecisionReminderDue':
      return {
        kind: 'decision-reminder',
        decisionId: event.data.decisionId,
        daysBefore: event.data.daysBefore,
      };
    case 'DecisionOverdue':
      return { kind: 'decision-overdue', decisionId: event.data.decisionId };
    case 'WindowApproaching':
      return { kind: 'preparation-reminder', daysBefore: event.data.daysBefore };
    case 'EscalatedToDirector':
      return event.data.subject.kind === 'decision'
        ? { kind: 'escalation', decisionId: event.data.subject.decisionId }
        : { kind: 'escalation', stage: event.data.subject.stage };
  }
}

/** How many times the mail activity ran before giving up: all of them, unless the failure was final at once. */
function attemptsOf(e: unknown): number {
  return e instanceof ActivityFailure && e.retryState === RetryState.MAXIMUM_ATTEMPTS_REACHED
    ? NOTIFICATION_ATTEMPTS
    : 1;
}

export function messageOf(e: unknown): string {
  const cause = (e as { cause?: { message?: string } })?.cause;
  return (cause?.message ?? (e instanceof Error ? e.message : String(e))).slice(0, 500);
}
