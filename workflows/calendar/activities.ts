import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import {
  CALENDAR_SOURCES_COLLECTION,
  parseFeed,
  planActions,
  pollHorizon,
  type CalendarSourceDocument,
  type PlannedAction,
  type PollWarning,
} from '../../libs/calendar/src';
import { requireSchoolPeople } from '../../libs/accounts/src/school-people';
import { integrationStreamName, VsokoError, type CommandContext } from '../../libs/domain/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import type { EventStore } from '../../libs/event-store/src';
import {
  integrationActor,
  integrationContext,
  webhookSourceId,
  type CalendarRunSummary,
  type ProcessWebhookInput,
} from './definitions';
import { sendProcedureCommand, type CommandResult } from './procedure-commands';
import type { AllowList } from '../../libs/outbound/src';
import { readSource, unreadableMessage } from './source-content';

export interface CalendarActivityDeps {
  store: EventStore;
  db: Db;
  temporal: Client;
  /** Private hosts the operator lets feeds be fetched from (OUTBOUND_ALLOWED_HOSTS); none by default. */
  outboundAllowList?: AllowList;
  now?: () => Date;
}

interface AppliedAction {
  kind: PlannedAction['kind'];
  uid: string;
  recurrenceId: string | null;
  procedureId: string;
  window: PlannedAction['window'];
  reason?: string;
  result: 'applied' | 'already' | 'refused' | 'ignored';
  code?: string;
  /** A marked event waiting for a direction or a responsible person: the feed's status asks for it. */
  needs?: PlannedAction['needs'];
  summary?: string;
}

/** Codes that mean the command had already been carried out (a retry after a crash between command and save). */
const ALREADY_DONE = new Set(['PROCEDURE_ALREADY_SCHEDULED', 'WINDOW_UNCHANGED', 'PROCEDURE_CANCELLED']);

export function createCalendarActivities(deps: CalendarActivityDeps) {
  const now = deps.now ?? (() => new Date());
  const sources = deps.db.collection<CalendarSourceDocument>(CALENDAR_SOURCES_COLLECTION);
  const handler = new DeciderHandler(deps.store);

  async function record(source: CalendarSourceDocument, type: string, data: Record<string, unknown>) {
    const context = integrationContext(
      source.integrationId,
      source.schoolId,
      activityRunKey(),
      now().toISOString(),
    );
    const result = await handler.append(
      integrationStreamName(source.integrationId),
      [{ type, data: { sourceId: source._id, ...data } }],
      context,
      { expectedRevision: 'any' },
    );
    return result.position;
  }

  /** Plans against the stored memory, sends the commands, saves the new memory if nobody wrote meanwhile. */
  async function act(source: CalendarSourceDocument, ics: string, complete: boolean) {
    const horizon = pollHorizon(now(), source.timeZone);
    const occurrences = parseFeed(ics, { timeZone: source.timeZone, horizon });
    const actions = planActions(occurrences, source.known, {
      sourceId: source._id,
      title: source.title,
      schoolId: source.schoolId,
      timeZone: source.timeZone,
      defaults: source.defaults,
      complete,
      horizon,
    });
    const runKey = activityRunKey();
    const memory = new Map(source.known.map((k) => [k.key, k]));
    const applied: AppliedAction[] = [];
    for (const action of actions) {
      const summary = {
        kind: action.kind,
        uid: action.uid,
        recurrenceId: action.recurrenceId,
        procedureId: action.procedureId,
        window: action.window,
        ...(action.reason ? { reason: action.reason } : {}),
        ...(action.needs ? { needs: action.needs, summary: action.summary } : {}),
      };
      if (!action.command || !action.commandId || !action.remember) {
        applied.push({ ...summary, result: 'ignored' });
        continue;
      }
      const context: CommandContext = {
        commandId: action.commandId,
        actor: integrationActor(source.integrationId),
        issuedAt: now().toISOString(),
        correlationId: runKey,
        causationId: `${source._id}:${action.uid}`,
        schoolId: source.schoolId,
      };
      const result: CommandResult =
        (await strangerRefused(source.schoolId, action.command.data)) ??
        (await sendProcedureCommand(deps.temporal, action.command, context, deps.store));
      const done = result.outcome === 'applied' || ALREADY_DONE.has(result.code);
      applied.push({
        ...summary,
        result: result.outcome === 'applied' ? 'applied' : done ? 'already' : 'refused',
        ...(result.outcome === 'refused' ? { code: result.code } : {}),
      });
      // A refused move keeps the old window but the new sequence, and a refused cancellation counts as done:
      // the same calendar state is then not retried on every poll. A refused schedule is forgotten.
      const previous = memory.get(action.key);
      if (done || action.kind === 'cancel') memory.set(action.key, action.remember);
      else if (previous) memory.set(action.key, { ...previous, sequence: action.sequence });
    }
    return { applied, known: [...memory.values()] };
  }

  /**
   * A calendar may name a responsible by login (X-VSOKO-RESPONSIBLE-ID): she must be the school's own, as in
   * POST /procedures. Another school's person is refused like an unknown id, and nothing is scheduled.
   */
  async function strangerRefused(schoolId: string, data: unknown): Promise<CommandResult | undefined> {
    try {
      await requireSchoolPeople(handler, schoolId, data);
      return undefined;
    } catch (e) {
      if (e instanceof VsokoError) return { outcome: 'refused', code: e.code, message: e.message };
      throw e;
    }
  }

  function countsOf(applied: AppliedAction[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const a of applied) {
      const key = a.result === 'ignored' ? 'ignored' : a.result === 'refused' ? 'refused' : a.kind;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  async function failed(
    source: CalendarSourceDocument,
    code: string,
    message: string,
  ): Promise<CalendarRunSummary> {
    const position = await record(source, 'CalendarFeedPollFailed', { error: { code, message } });
    await sources.updateOne(
      { _id: source._id },
      {
        $set: { lastPoll: { at: now().toISOString(), status: 'failed', error: { code, message }, position } },
      },
    );
    return { sourceId: source._id, status: 'failed', counts: {}, error: { code, message }, position };
  }

  return {
    async pollCalendarSource(sourceId: string): Promise<CalendarRunSummary> {
      const source = await sources.findOne({ _id: sourceId });
      if (!source) return { sourceId, status: 'missing', counts: {} };
      const content = await readSource(source, { allow: deps.outboundAllowList });
      if (content.kind === 'failed') return failed(source, content.code, content.message);
      if (content.kind === 'not-modified') {
        await sources.updateOne(
          { _id: source._id },
          { $set: { lastPoll: { at: now().toISOString(), status: 'not-modified' } } },
        );
        return { sourceId, status: 'not-modified', counts: {} };
      }
      let outcome: Awaited<ReturnType<typeof act>>;
      try {
        outcome = await act(source, content.ics, true);
      } catch (e) {
        const err = e as { code?: string; kind?: string; message?: string };
        if (err.kind === 'validation')
          return failed(source, err.code ?? 'ICS_MALFORMED', unreadableMessage(source, err.message ?? ''));
        throw e;
      }
      const counts = countsOf(outcome.applied);
      const position = await record(source, 'CalendarFeedPolled', {
        contentSha256: content.sha256,
        ...(content.etag ? { etag: content.etag } : {}),
        counts,
        actions: outcome.applied.filter((a) => a.result !== 'ignored' || a.needs),
      });
      const warnings = warningsOf(outcome.applied);
      const saved = await sources.updateOne(
        { _id: source._id, version: source.version },
        {
          $set: {
            known: outcome.known,
            contentSha256: content.sha256,
            ...(content.etag ? { etag: content.etag } : {}),
            ...(content.lastModified ? { lastModified: content.lastModified } : {}),
            lastPoll: { at: now().toISOString(), status: 'changed', counts, position },
            warnings,
            version: source.version + 1,
          },
        },
      );
      // Another poll saved first: its memory stands, and this run's commands were idempotent repeats.
      void saved;
      return { sourceId, status: 'changed', counts, position };
    },

    async processCalendarWebhook(input: ProcessWebhookInput): Promise<CalendarRunSummary> {
      const [received] = await deps.store.readAll({ afterPosition: input.position - 1, maxCount: 1 });
      const sourceId = webhookSourceId(input.integrationId);
      if (!received || received.type !== 'CalendarWebhookReceived') {
        throw new Error(`no CalendarWebhookReceived at position ${input.position}`);
      }
      const data = received.data as { ics: string };
      for (let attempt = 0; attempt < 5; attempt++) {
        const source = await sources.findOne({ _id: sourceId });
        if (!source) return { sourceId, status: 'missing', counts: {} };
        let outcome: Awaited<ReturnType<typeof act>>;
        try {
          outcome = await act(source, data.ics, false);
        } catch (e) {
          const err = e as { code?: string; kind?: string; message?: string };
          if (err.kind !== 'validation') throw e;
          const error = { code: err.code ?? 'ICS_MALFORMED', message: err.message ?? String(e) };
          const position = await record(source, 'CalendarWebhookFailed', {
            receivedEventId: received.id,
            error,
          });
          await sources.updateOne(
            { _id: source._id },
            { $set: { lastPoll: { at: now().toISOString(), status: 'failed', error, position } } },
          );
          return { sourceId, status: 'failed', counts: {}, error, position };
        }
        const saved = await sources.updateOne(
          { _id: source._id, version: source.version },
          { $set: { known: outcome.known, version: source.version + 1 } },
        );
        if (saved.modifiedCount === 0) continue;
        const counts = countsOf(outcome.applied);
        const position = await record(source, 'CalendarWebhookProcessed', {
          receivedEventId: received.id,
          counts,
          actions: outcome.applied.filter((a) => a.result !== 'ignored' || a.needs),
        });
        // The settings list shows a webhook's last delivery as it shows a feed's last poll.
        await sources.updateOne(
          { _id: source._id },
          { $set: { lastPoll: { at: now().toISOString(), status: 'changed', counts, position } } },
        );
        return { sourceId, status: 'changed', counts, position };
      }
      throw new Error(`calendar source ${sourceId} kept changing under the webhook`);
    },
  };
}

/** Marked events that became nothing because the calendar did not say enough, as the status shows them. */
function warningsOf(applied: AppliedAction[]): PollWarning[] {
  return applied.flatMap((a) =>
    a.needs
      ? [
          {
            uid: a.uid,
            recurrenceId: a.recurrenceId,
            summary: a.summary ?? '',
            needs: a.needs,
            message: a.reason ?? '',
          },
        ]
      : [],
  );
}

/** The workflow run this activity serves: the key of its log entries, stable across the activity's retries. */
function activityRunKey(): string {
  try {
    const run = Context.current().info.workflowExecution;
    return run ? `${run.workflowId}:${run.runId}` : `direct:${Date.now()}`;
  } catch {
    return `direct:${Date.now()}`;
  }
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
