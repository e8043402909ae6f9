import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import { actorOf, type Principal } from '@vsoko/accounts';
import { sha256Hex, type CalendarSourceDocument, type IntegrationDocument } from '@vsoko/calendar';
import { type Actor, Conflict, isTimeZone, ValidationFailed, DEFAULT_TIME_ZONE } from '@vsoko/domain';
import {
  feedPollWorkflowId,
  feedScheduleId,
  INTEGRATIONS_TASK_QUEUE,
  type CalendarRunSummary,
} from '@vsoko/workflows/calendar/definitions';
import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { requireActsFor } from '../../plans/plan-access';
import { requireAdmin } from '../shared/access';
import type { CreateIntegrationDto, SubscribeFeedDto } from '../shared/dto';
import { IntegrationLog } from '../shared/integration-log';
import { IntegrationRepository } from '../shared/repository';

export const DEFAULT_POLL_MINUTES = 15;

/** Integrations, their subscribed feeds and uploaded files, and the Schedules that poll them. */
@Injectable()
export class CalendarSourcesService {
  private readonly logger = new Logger('CalendarSources');

  constructor(
    private readonly repo: IntegrationRepository,
    private readonly log: IntegrationLog,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** The secret is returned here once; the API keeps it to verify webhook signatures. */
  async createIntegration(body: CreateIntegrationDto, principal: Principal) {
    const actor = actorOf(principal);
    requireAdmin(actor);
    requireActsFor(principal, body.schoolId);
    const timeZone = body.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isTimeZone(timeZone))
      throw new ValidationFailed('TIME_ZONE_UNKNOWN', `Часовой пояс «${timeZone}» не найден`);
    const id = body.id ?? `cal-${this.ids.next().slice(0, 8)}`;
    const doc: IntegrationDocument = {
      _id: id,
      kind: 'calendar',
      schoolId: body.schoolId,
      name: body.name,
      secret: randomBytes(32).toString('base64url'),
      timeZone,
      defaults: plain(body.defaults),
      createdAt: this.clock.now().toISOString(),
      createdBy: actor.id,
    };
    try {
      await this.repo.integrations.insertOne(doc);
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        throw new Conflict('INTEGRATION_EXISTS', `Интеграция ${id} уже существует`);
      }
      throw e;
    }
    await this.repo.sources.insertOne(
      this.sourceDoc(doc, `webhook-${id}`, 'webhook', `${doc.name} (webhook)`),
    );
    const { position } = await this.log.append(
      id,
      doc.schoolId,
      `created:${id}`,
      'CalendarIntegrationCreated',
      {
        integrationId: id,
        schoolId: doc.schoolId,
        name: doc.name,
        timeZone,
        createdBy: actor.id,
      },
    );
    return { integrationId: id, schoolId: doc.schoolId, secret: doc.secret, position };
  }

  async subscribe(integrationId: string, body: SubscribeFeedDto, actor: Actor, school: string) {
    requireAdmin(actor);
    const integration = await this.repo.integration(integrationId, school);
    if (body.url !== undefined && body.ics !== undefined) {
      throw new ValidationFailed('FEED_URL_OR_FILE', 'Укажите либо адрес календаря, либо файл, но не оба');
    }
    const feedId = `feed-${this.ids.next().slice(0, 12)}`;
    const source = this.sourceDoc(integration, feedId, body.url ? 'url' : 'upload', body.title);
    if (body.defaults) source.defaults = { ...integration.defaults, ...plain(body.defaults) };
    if (body.url) {
      source.url = body.url;
      source.pollEveryMinutes = body.pollEveryMinutes ?? DEFAULT_POLL_MINUTES;
    } else {
      source.upload = this.upload(body.ics!);
    }
    await this.repo.sources.insertOne(source);
    const { position } = await this.log.append(
      integrationId,
      integration.schoolId,
      `subscribed:${feedId}`,
      'CalendarFeedSubscribed',
      {
        feedId,
        kind: source.kind,
        title: source.title,
        ...(source.url ? { url: source.url, pollEveryMinutes: source.pollEveryMinutes } : {}),
        ...(source.upload ? { fileSha256: source.upload.sha256 } : {}),
        subscribedBy: actor.id,
      },
    );
    if (source.kind === 'url') await this.createSchedule(source);
    const firstPoll = await this.startPoll(feedId);
    return { feedId, integrationId, kind: source.kind, position, firstPoll };
  }

  async replaceFile(feedId: string, ics: string, actor: Actor, school: string) {
    requireAdmin(actor);
    const source = await this.repo.source(feedId, school);
    if (source.kind !== 'upload') {
      throw new ValidationFailed(
        'FEED_NOT_UPLOAD',
        'Этот календарь опрашивается по адресу, файл к нему не загружается',
      );
    }
    const upload = this.upload(ics);
    await this.repo.sources.updateOne({ _id: feedId }, { $set: { upload } });
    await this.log.append(
      source.integrationId,
      source.schoolId,
      `uploaded:${feedId}:${upload.sha256}`,
      'CalendarFileUploaded',
      {
        feedId,
        fileSha256: upload.sha256,
        uploadedBy: actor.id,
      },
    );
    return { feedId, fileSha256: upload.sha256, poll: await this.startPoll(feedId) };
  }

  /** Starts a poll without waiting for it: the answer says where to look (GET …/feeds/:id). */
  private async startPoll(feedId: string): Promise<{ workflowId: string }> {
    const handle = await this.temporal.workflow.start('calendarFeedPollWorkflow', {
      workflowId: feedPollWorkflowId(feedId, `now-${this.ids.next()}`),
      taskQueue: INTEGRATIONS_TASK_QUEUE,
      args: [{ sourceId: feedId }],
    });
    return { workflowId: handle.workflowId };
  }

  /** Runs one poll at once (the Schedule keeps its own rhythm) and answers what it did. */
  async pollNow(feedId: string): Promise<CalendarRunSummary> {
    await this.repo.source(feedId);
    return this.temporal.workflow.execute('calendarFeedPollWorkflow', {
      workflowId: feedPollWorkflowId(feedId, `now-${this.ids.next()}`),
      taskQueue: INTEGRATIONS_TASK_QUEUE,
      args: [{ sourceId: feedId }],
    });
  }

  async status(feedId: string, actor: Actor, school: string) {
    requireAdmin(actor);
    const source = await this.repo.source(feedId, school);
    const { known, upload, version: _v, ...rest } = source;
    const schedule =
      source.kind === 'url'
        ? await this.temporal.schedule
            .getHandle(feedScheduleId(feedId))
            .describe()
            .then((d) => ({
              id: d.scheduleId,
              paused: d.state.paused,
              nextRunAt: d.info.nextActionTimes[0]?.toISOString(),
              every: `${source.pollEveryMinutes} мин`,
            }))
            .catch(() => null)
        : null;
    return {
      ...rest,
      feedId: source._id,
      occurrences: { known: known.length, cancelled: known.filter((k) => k.cancelled).length },
      ...(upload ? { file: { sha256: upload.sha256, at: upload.at } } : {}),
      schedule,
    };
  }

  /**
   * Stops a feed: its Schedule is removed and it is never polled again. The procedures it scheduled stay as
   * they are (they belong to the school's plan now), and its history stays in the integration's stream.
   * The webhook of an integration goes only with the integration.
   */
  async removeFeed(feedId: string, actor: Actor, school: string) {
    requireAdmin(actor);
    const source = await this.repo.source(feedId, school);
    if (source.kind === 'webhook') {
      throw new ValidationFailed(
        'FEED_IS_WEBHOOK',
        'Приём webhook удаляется только вместе с интеграцией (DELETE /integrations/calendar/:integrationId)',
      );
    }
    const { position } = await this.log.append(
      source.integrationId,
      source.schoolId,
      `deleted:${feedId}`,
      'CalendarFeedDeleted',
      { feedId, kind: source.kind, title: source.title, deletedBy: actor.id },
    );
    await this.dropSources([source]);
    return { feedId, integrationId: source.integrationId, position };
  }

  /**
   * Deletes an integration with its feeds, their Schedules and its webhook secret. The document stays as a
   * tombstone without a usable secret, so the id (and its stream in the log) is never given to another one.
   */
  async removeIntegration(integrationId: string, actor: Actor, school: string) {
    requireAdmin(actor);
    const integration = await this.repo.integration(integrationId, school);
    const sources = await this.repo.sources.find({ integrationId }).toArray();
    const { position } = await this.log.append(
      integrationId,
      integration.schoolId,
      `deleted:${integrationId}`,
      'CalendarIntegrationDeleted',
      {
        integrationId,
        feedIds: sources.filter((f) => f.kind !== 'webhook').map((f) => f._id),
        deletedBy: actor.id,
      },
    );
    await this.dropSources(sources);
    await this.repo.integrations.updateOne(
      { _id: integrationId },
      {
        $set: {
          secret: randomBytes(32).toString('base64url'),
          defaults: {},
          deletedAt: this.clock.now().toISOString(),
          deletedBy: actor.id,
        },
      },
    );
    return { integrationId, position };
  }

  /** Schedules first: a poll that still starts finds no source and does nothing. */
  private async dropSources(sources: CalendarSourceDocument[]): Promise<void> {
    for (const source of sources.filter((f) => f.kind === 'url')) {
      await this.temporal.schedule
        .getHandle(feedScheduleId(source._id))
        .delete()
        .catch((e: unknown) => {
          if (!(e instanceof ScheduleNotFoundError)) throw e;
        });
    }
    if (sources.length > 0) await this.repo.sources.deleteMany({ _id: { $in: sources.map((f) => f._id) } });
  }

  private async createSchedule(source: CalendarSourceDocument): Promise<void> {
    try {
      await this.temporal.schedule.create({
        scheduleId: feedScheduleId(source._id),
        spec: { intervals: [{ every: (source.pollEveryMinutes ?? DEFAULT_POLL_MINUTES) * 60_000 }] },
        action: {
          type: 'startWorkflow',
          workflowType: 'calendarFeedPollWorkflow',
          workflowId: feedPollWorkflowId(source._id, 'scheduled'),
          taskQueue: INTEGRATIONS_TASK_QUEUE,
          args: [{ sourceId: source._id }],
        },
        // A slow feed must not pile up polls of itself; other feeds have their own Schedules.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
        memo: { integrationId: source.integrationId, schoolId: source.schoolId },
      });
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      this.logger.warn(`Schedule ${feedScheduleId(source._id)} уже существует`);
    }
  }

  private sourceDoc(
    integration: IntegrationDocument,
    id: string,
    kind: CalendarSourceDocument['kind'],
    title: string,
  ): CalendarSourceDocument {
    return {
      _id: id,
      kind,
      integrationId: integration._id,
      schoolId: integration.schoolId,
      title,
      timeZone: integration.timeZone,
      defaults: integration.defaults,
      known: [],
      version: 0,
      createdAt: this.clock.now().toISOString(),
    };
  }

  private upload(ics: string) {
    return { ics, sha256: sha256Hex(ics), at: this.clock.now().toISOString() };
  }
}

/** class-transformer instances → plain objects for MongoDB. */
function plain<T>(value: T | undefined): T {
  return JSON.parse(JSON.stringify(value ?? {})) as T;
}
