import type { Actor, CommandContext } from '../../libs/domain/src/shared/event';

export const INTEGRATIONS_TASK_QUEUE = 'integrations';

/** The actor of everything an integration does: the integration itself, never the person who set it up. */
export function integrationActor(integrationId: string, name?: string): Actor {
  return { id: `integration-${integrationId}`, kind: 'integration', ...(name ? { name } : {}) };
}

/** An entry of the integration's own log: the same `key` gives the same event id, which the store writes once. */
export function integrationContext(
  integrationId: string,
  schoolId: string,
  key: string,
  issuedAt: string,
  correlationId = key,
): CommandContext {
  return {
    commandId: key,
    actor: integrationActor(integrationId),
    issuedAt,
    correlationId,
    causationId: key,
    schoolId,
  };
}

/** One Temporal Schedule per subscribed feed; deleting the feed deletes it. */
export function feedScheduleId(sourceId: string): string {
  return `calendar-feed-${sourceId}`;
}

export function feedPollWorkflowId(sourceId: string, suffix: string): string {
  return `calendar-poll-${sourceId}-${suffix}`;
}

/** One workflow per recorded delivery: starting it twice finds the first. */
export function webhookWorkflowId(integrationId: string, eventId: string): string {
  return `calendar-webhook-${integrationId}-${eventId}`;
}

export function webhookSourceId(integrationId: string): string {
  return `webhook-${integrationId}`;
}

export interface PollFeedInput {
  sourceId: string;
}

export interface ProcessWebhookInput {
  integrationId: string;
  /** Where the CalendarWebhookReceived event sits in the log. */
  position: number;
}

/** What one poll or one delivery did, as recorded in the integration's stream. */
export interface CalendarRunSummary {
  sourceId: string;
  status: 'changed' | 'not-modified' | 'failed' | 'missing';
  counts: Record<string, number>;
  error?: { code: string; message: string };
  position?: number;
}
