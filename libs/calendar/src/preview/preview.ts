import { isTimeZone, ValidationFailed, type Direction, type Responsible } from '@vsoko/domain';
import { parseFeed } from '../inbound/parse-feed';
import { planActions, type ActionKind } from '../inbound/plan';

export interface PreviewEntry {
  uid: string;
  recurrenceId: string | null;
  start: { date: string; time: string | null; timeZone: string };
  summary: string;
  action: ActionKind;
  window: { from: string; to: string };
  procedureId: string;
  reason?: string;
  title?: string;
  direction?: string;
  /** `title`: guessed from the title, worth a look before subscribing. */
  directionFrom?: 'event' | 'feed' | 'title';
  responsible?: string;
  /** What a marked event lacks before it can become a procedure. */
  needs?: 'direction' | 'responsible';
}

/**
 * What a feed would do on a fresh subscription, without doing anything: every occurrence in the horizon,
 * with the action the planner gives it. Cancelled occurrences are listed as `cancel` (they cancel the
 * procedure once it exists) and the reason says so.
 */
export function previewFeed(
  ics: string,
  options: {
    timeZone: string;
    horizon: { from: string; to: string };
    /** The same defaults a subscribed feed has. */
    defaults?: { direction?: Direction; responsible?: Responsible };
  },
): PreviewEntry[] {
  if (!isTimeZone(options.timeZone)) {
    throw new ValidationFailed('TIME_ZONE_UNKNOWN', `Часовой пояс «${options.timeZone}» не найден`);
  }
  const occurrences = parseFeed(ics, options);
  const actions = planActions(occurrences, [], {
    sourceId: 'preview',
    title: 'предпросмотр',
    schoolId: 'preview',
    timeZone: options.timeZone,
    defaults: options.defaults ?? {},
    complete: false,
    horizon: options.horizon,
  });
  return actions.map((a, i) => {
    const occ = occurrences[i];
    const cancelled = occ.vsoko !== null && occ.cancelled;
    const data = a.command?.type === 'ScheduleProcedure' ? a.command.data : undefined;
    return {
      uid: a.uid,
      recurrenceId: a.recurrenceId,
      start: occ.localStart,
      summary: occ.summary,
      action: cancelled ? 'cancel' : a.kind,
      window: a.window,
      procedureId: a.procedureId,
      ...(cancelled
        ? { reason: 'событие отменено в календаре: отменит процедуру, если она уже запланирована' }
        : a.reason
          ? { reason: a.reason }
          : {}),
      ...(data
        ? {
            title: data.title,
            direction: data.direction,
            ...(a.directionFrom ? { directionFrom: a.directionFrom } : {}),
            responsible: data.responsible.name,
          }
        : {}),
      ...(a.needs ? { needs: a.needs } : {}),
    };
  });
}
