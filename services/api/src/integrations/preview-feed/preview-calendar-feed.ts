import { Inject, Injectable } from '@nestjs/common';
import { pollHorizon, previewFeed, type CalendarSourceDocument, type PreviewEntry } from '@vsoko/calendar';
import type { VsokoConfig } from '@vsoko/config';
import { type Actor, DEFAULT_TIME_ZONE, DomainRuleViolation, ValidationFailed } from '@vsoko/domain';
import { readSource, unreadableMessage } from '@vsoko/workflows/calendar/source-content';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, CONFIG } from '../../infrastructure/tokens';
import { requireAdmin } from '../shared/access';
import type { PreviewFeedDto } from '../shared/dto';
import { IntegrationRepository } from '../shared/repository';

/** The most entries one preview lists; the counts cover all of them. */
export const PREVIEW_LIMIT = 200;

export interface FeedPreview {
  /** How many occurrences in the horizon become procedures, are cancelled, are ignored, or need a word. */
  counts: { schedule: number; cancel: number; ignore: number; needs: number };
  total: number;
  horizon: { from: string; to: string };
  timeZone: string;
  /** Occurrences vsoko would act on (marked ones), nearest first; unmarked ones are only counted. */
  entries: PreviewEntry[];
}

/**
 * `POST /integrations/calendar/preview`: what subscribing to a calendar would do, before anything is saved. An
 * address is fetched exactly as a poll fetches it (libs/outbound: public addresses only, unless the operator
 * allowed a host; 5 MB, 15 s), and its failures are the poll's own fixed Russian messages, quoting nothing the
 * far side sent. Nothing is written. An integration named is checked against the caller's school.
 */
@Injectable()
export class PreviewCalendarFeed {
  constructor(
    private readonly repo: IntegrationRepository,
    @Inject(CONFIG) private readonly config: VsokoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(body: PreviewFeedDto, actor: Actor, school: string): Promise<FeedPreview> {
    requireAdmin(actor);
    if (body.url !== undefined && body.ics !== undefined) {
      throw new ValidationFailed('FEED_URL_OR_FILE', 'Укажите либо адрес календаря, либо файл, но не оба');
    }
    const integration = body.integrationId
      ? await this.repo.integration(body.integrationId, school)
      : undefined;
    const timeZone = integration?.timeZone ?? DEFAULT_TIME_ZONE;
    const defaults = { ...integration?.defaults, ...plain(body.defaults) };
    const source = {
      _id: 'preview',
      kind: body.url !== undefined ? 'url' : 'upload',
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.ics !== undefined ? { upload: { ics: body.ics, sha256: '', at: '' } } : {}),
    } as CalendarSourceDocument;
    const content = await readSource(source, { allow: this.config.outboundAllowList });
    if (content.kind === 'failed') throw new DomainRuleViolation(content.code, content.message);
    if (content.kind === 'not-modified') {
      throw new DomainRuleViolation('FEED_EMPTY', 'Календарь пуст');
    }
    const horizon = pollHorizon(this.clock.now(), timeZone);
    let entries: PreviewEntry[];
    try {
      entries = previewFeed(content.ics, { timeZone, horizon, defaults });
    } catch (e) {
      const err = e as { kind?: string; code?: string; message?: string };
      if (err.kind !== 'validation') throw e;
      throw new ValidationFailed(err.code ?? 'ICS_MALFORMED', unreadableMessage(source, err.message ?? ''));
    }
    const acted = entries
      .filter((e) => e.action !== 'ignore' || e.needs)
      .sort((a, b) => a.window.from.localeCompare(b.window.from) || a.summary.localeCompare(b.summary, 'ru'));
    return {
      counts: {
        schedule: entries.filter((e) => e.action === 'schedule' || e.action === 'move').length,
        cancel: entries.filter((e) => e.action === 'cancel').length,
        ignore: entries.filter((e) => e.action === 'ignore' && !e.needs).length,
        needs: entries.filter((e) => e.needs).length,
      },
      total: entries.length,
      horizon,
      timeZone,
      entries: acted.slice(0, PREVIEW_LIMIT),
    };
  }
}

/** class-transformer instances → plain objects. */
function plain<T>(value: T | undefined): Partial<T> {
  return JSON.parse(JSON.stringify(value ?? {})) as Partial<T>;
}
