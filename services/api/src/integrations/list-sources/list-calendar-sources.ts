import { Injectable } from '@nestjs/common';
import { maskFeedUrl, type CalendarSourceDocument, type PollStatus } from '@vsoko/calendar';
import type { Actor } from '@vsoko/domain';
import { requireAdmin } from '../shared/access';
import { IntegrationRepository } from '../shared/repository';

/** One calendar the school subscribes to, as the settings list shows it: no secret, no file, no memory. */
export interface CalendarSourceRow {
  feedId: string;
  kind: CalendarSourceDocument['kind'];
  title: string;
  /** The feed's address with its tokens replaced by «•••» (a private calendar's address is its password). */
  url?: string;
  pollEveryMinutes?: number;
  createdAt: string;
  /** The last poll or delivery: when, what it did, and the Russian message of a failure. */
  lastSync?: PollStatus;
  /** Occurrences that are procedures in the plan now (cancelled ones aside). */
  imported: number;
  cancelled: number;
  /** Marked events left aside until the calendar names their direction or responsible person. */
  warnings: string[];
}

export interface CalendarIntegrationRow {
  integrationId: string;
  name: string;
  timeZone: string;
  createdAt: string;
  sources: CalendarSourceRow[];
}

/**
 * `GET /integrations/calendar/sources`: every calendar integration of the caller's school with its feeds,
 * uploaded files and webhook. Only the caller's school is read (the guard's school is the second net); deleted
 * integrations are tombstones and are not listed.
 */
@Injectable()
export class ListCalendarSources {
  constructor(private readonly repo: IntegrationRepository) {}

  async list(actor: Actor, school: string): Promise<{ integrations: CalendarIntegrationRow[] }> {
    requireAdmin(actor);
    const [integrations, sources] = await Promise.all([
      this.repo.integrations.find({ schoolId: school }).toArray(),
      this.repo.sources.find({ schoolId: school }).toArray(),
    ]);
    const rows = integrations
      .filter((i) => i.deletedAt === undefined && i.schoolId === school)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
      .map((i) => ({
        integrationId: i._id,
        name: i.name,
        timeZone: i.timeZone,
        createdAt: i.createdAt,
        sources: sources
          .filter((s) => s.integrationId === i._id && s.schoolId === school)
          .sort(
            (a, b) =>
              KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
              a.createdAt.localeCompare(b.createdAt) ||
              a._id.localeCompare(b._id),
          )
          .map(rowOf),
      }));
    return { integrations: rows };
  }
}

/** Feeds first, then files, then the webhook, which every integration has. */
const KIND_ORDER: Record<CalendarSourceDocument['kind'], number> = { url: 0, upload: 1, webhook: 2 };

function rowOf(source: CalendarSourceDocument): CalendarSourceRow {
  return {
    feedId: source._id,
    kind: source.kind,
    title: source.title,
    ...(source.url ? { url: maskFeedUrl(source.url), pollEveryMinutes: source.pollEveryMinutes } : {}),
    createdAt: source.createdAt,
    ...(source.lastPoll ? { lastSync: source.lastPoll } : {}),
    imported: source.known.filter((k) => !k.cancelled).length,
    cancelled: source.known.filter((k) => k.cancelled).length,
    warnings: (source.warnings ?? []).map((w) => `«${w.summary}»: ${w.message}`),
  };
}
