import {
  directionOfTitle,
  type DateWindow,
  type Direction,
  type ProcedureCommand,
  type Responsible,
} from '@vsoko/domain';
import { academicYearOf, calendarCommandId, procedureIdFor } from '../ids';
import type { CalendarOccurrence } from './occurrence';

/** What vsoko remembers of an occurrence it acted on, to tell a move or a disappearance from nothing new. */
export interface KnownOccurrence {
  key: string;
  uid: string;
  recurrenceId: string | null;
  procedureId: string;
  sequence: number;
  window: DateWindow;
  cancelled: boolean;
}

export interface CalendarSource {
  /** Feed id, or `webhook-<integrationId>`: the namespace of the procedure ids. */
  sourceId: string;
  /** Shown in reasons: «календарь Школа 1 (Google)». */
  title: string;
  schoolId: string;
  timeZone: string;
  defaults: { direction?: Direction; responsible?: Responsible };
  /**
   * A full snapshot (a polled feed, an uploaded file): a known occurrence it no longer contains was deleted.
   * A webhook carries only the events it names.
   */
  complete: boolean;
  horizon: { from: string; to: string };
}

export type ActionKind = 'schedule' | 'move' | 'cancel' | 'ignore';

export interface PlannedAction {
  kind: ActionKind;
  key: string;
  uid: string;
  recurrenceId: string | null;
  sequence: number;
  procedureId: string;
  summary: string;
  window: DateWindow;
  localStart?: CalendarOccurrence['localStart'];
  /** Why: a move's or a cancellation's reason for the procedure, or why nothing is done. */
  reason?: string;
  /** A marked event left aside until someone says this: the feed's status and the preview ask for it. */
  needs?: 'direction' | 'responsible';
  /** Where a scheduled procedure's direction came from: the event, the feed's default, or its title. */
  directionFrom?: 'event' | 'feed' | 'title';
  command?: ProcedureCommand;
  commandId?: string;
  /** The memory to keep once the command has gone through (absent for ignored occurrences). */
  remember?: KnownOccurrence;
}

export function occurrenceKey(uid: string, recurrenceId: string | null): string {
  return `${uid}\u0000${recurrenceId ?? ''}`;
}

/**
 * The commands a calendar's current content asks for, given what vsoko did for it before. Pure: the same
 * content and memory always give the same commands with the same idempotency keys.
 */
export function planActions(
  occurrences: CalendarOccurrence[],
  known: KnownOccurrence[],
  source: CalendarSource,
): PlannedAction[] {
  const memory = new Map(known.map((k) => [k.key, k]));
  const seen = new Set<string>();
  const actions: PlannedAction[] = [];
  for (const occ of occurrences) {
    const key = occurrenceKey(occ.uid, occ.recurrenceId);
    const previous = memory.get(key);
    if (occ.vsoko && !occ.cancelled) seen.add(key);
    actions.push(actionFor(occ, key, previous, source));
  }
  if (source.complete) {
    for (const k of known) {
      if (seen.has(k.key) || k.cancelled || k.window.from < source.horizon.from) continue;
      if (actions.some((a) => a.key === k.key && a.kind === 'cancel')) continue;
      actions.push(cancel(k, `Событие удалено из календаря «${source.title}»`, 'deleted'));
    }
  }
  return actions;
}

function actionFor(
  occ: CalendarOccurrence,
  key: string,
  previous: KnownOccurrence | undefined,
  source: CalendarSource,
): PlannedAction {
  const procedureId = previous?.procedureId ?? procedureIdFor(source.sourceId, occ.uid, occ.recurrenceId);
  const base = {
    key,
    uid: occ.uid,
    recurrenceId: occ.recurrenceId,
    sequence: occ.sequence,
    procedureId,
    summary: occ.summary,
    window: occ.window,
    localStart: occ.localStart,
  };
  const ignore = (reason: string): PlannedAction => ({ kind: 'ignore', ...base, reason });
  if (!occ.vsoko) {
    if (previous && !previous.cancelled) {
      return cancel(
        previous,
        `Событие в календаре «${source.title}» больше не отмечено для ВСОКО`,
        'unmarked',
      );
    }
    return ignore('не отмечено для ВСОКО');
  }
  if (previous && occ.sequence < previous.sequence) return ignore('устаревшая версия события (SEQUENCE)');
  if (occ.cancelled) {
    if (!previous) return ignore('отменённое событие, процедура не планировалась');
    if (previous.cancelled) return ignore('процедура уже отменена');
    return cancel(previous, `Событие отменено в календаре «${source.title}»`, `seq-${occ.sequence}`);
  }
  if (previous?.cancelled) return ignore('процедура по этому событию отменена ранее');
  if (previous) {
    if (previous.window.from === occ.window.from && previous.window.to === occ.window.to) {
      return ignore('без изменений');
    }
    const reason = `Перенесено в календаре «${source.title}»`;
    const commandId = calendarCommandId(procedureId, 'move', occ.sequence, occ.window.from, occ.window.to);
    return {
      kind: 'move',
      ...base,
      reason,
      commandId,
      command: { type: 'RescheduleProcedure', data: { procedureId, window: occ.window, reason } },
      remember: { ...previous, sequence: occ.sequence, window: occ.window },
    };
  }
  // What the event says, then what the feed says for all its events, then a guess from the title: a guess
  // never overrides what a person wrote.
  const title = occ.vsoko.title || occ.summary || 'Процедура из календаря';
  const [direction, directionFrom] = occ.vsoko.direction
    ? [occ.vsoko.direction, 'event' as const]
    : source.defaults.direction
      ? [source.defaults.direction, 'feed' as const]
      : [directionOfTitle(title), 'title' as const];
  if (!direction) {
    return {
      ...ignore(
        'направление не указано и по названию не определяется: добавьте в описание строку «направление: …» или задайте направление по умолчанию для календаря',
      ),
      needs: 'direction',
    };
  }
  const responsible = occ.vsoko.responsible ?? source.defaults.responsible;
  if (!responsible) {
    return {
      ...ignore(
        'не указан ответственный: добавьте в описание строку «ответственный: …» или задайте ответственного по умолчанию для календаря',
      ),
      needs: 'responsible',
    };
  }
  const { title: _title, direction: _d, responsible: _r, ...details } = occ.vsoko;
  return {
    kind: occ.movedByOverride ? 'move' : 'schedule',
    ...base,
    ...(occ.movedByOverride ? { reason: 'перенесено относительно правила повторения' } : {}),
    directionFrom,
    commandId: calendarCommandId(procedureId, 'schedule'),
    command: {
      type: 'ScheduleProcedure',
      data: {
        procedureId,
        schoolId: source.schoolId,
        academicYear: academicYearOf(occ.window.from),
        title,
        direction,
        ...details,
        responsible,
        window: occ.window,
        timeZone: source.timeZone,
      },
    },
    remember: {
      key,
      uid: occ.uid,
      recurrenceId: occ.recurrenceId,
      procedureId,
      sequence: occ.sequence,
      window: occ.window,
      cancelled: false,
    },
  };
}

function cancel(k: KnownOccurrence, reason: string, why: string): PlannedAction {
  return {
    kind: 'cancel',
    key: k.key,
    uid: k.uid,
    recurrenceId: k.recurrenceId,
    sequence: k.sequence,
    procedureId: k.procedureId,
    summary: '',
    window: k.window,
    reason,
    commandId: calendarCommandId(k.procedureId, 'cancel', why),
    command: { type: 'CancelProcedure', data: { procedureId: k.procedureId, reason } },
    remember: { ...k, cancelled: true },
  };
}
