import ICAL from 'ical.js';
import { addDays, atLocalTime, localDateOf, ValidationFailed } from '@vsoko/domain';
import { readConvention, type EventText } from './convention';
import type { CalendarOccurrence } from './occurrence';
import { ianaZoneOf } from './time-zones';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

export interface ParseOptions {
  /** The school's IANA zone: procedure windows are its calendar days; floating times are read in it. */
  timeZone: string;
  /** Occurrences starting in [from, to] (school days, inclusive) are expanded. */
  horizon: { from: string; to: string };
}

/** Guards against a rule like FREQ=MINUTELY with no end: no school plans that many procedures. */
export const MAX_OCCURRENCES_PER_EVENT = 1000;

/**
 * Every occurrence of every event in the horizon. Parsing, VTIMEZONE (Windows names included), RRULE, RDATE,
 * EXDATE and RECURRENCE-ID overrides are ical.js's work; this maps its answers to school days.
 */
export function parseFeed(ics: string, options: ParseOptions): CalendarOccurrence[] {
  const calendar = parseCalendar(ics);
  const cancelledCalendar = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL';
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtz) => new ICAL.Timezone(vtz));
  const registered = zones.filter((z) => z.tzid && !ICAL.TimezoneService.has(z.tzid));
  // ical.js resolves TZID parameters through its global service; the feed's own definitions live there only
  // while this (synchronous) parse runs.
  for (const zone of registered) ICAL.TimezoneService.register(zone, zone.tzid);
  try {
    const byUid = new Map<string, { master?: Component; overrides: Component[] }>();
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '').trim();
      if (!uid) continue;
      const group = byUid.get(uid) ?? { overrides: [] };
      if (vevent.hasProperty('recurrence-id')) group.overrides.push(vevent);
      else group.master = vevent;
      byUid.set(uid, group);
    }
    const out: CalendarOccurrence[] = [];
    for (const [uid, group] of byUid) {
      if (group.master) out.push(...expand(uid, group.master, group.overrides, options, cancelledCalendar));
      else for (const o of group.overrides) out.push(...expand(uid, o, [], options, cancelledCalendar, true));
    }
    return out.sort((a, b) => a.window.from.localeCompare(b.window.from) || a.uid.localeCompare(b.uid));
  } finally {
    for (const zone of registered) ICAL.TimezoneService.remove(zone.tzid);
  }
}

function parseCalendar(ics: string): Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(ics);
  } catch (e) {
    throw new ValidationFailed('ICS_MALFORMED', `Файл календаря не читается: ${(e as Error).message}`);
  }
  const root = new ICAL.Component(jcal as unknown[]);
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!calendar) throw new ValidationFailed('ICS_MALFORMED', 'В файле нет календаря (BEGIN:VCALENDAR)');
  return calendar;
}

function expand(
  uid: string,
  master: Component,
  overrides: Component[],
  options: ParseOptions,
  cancelledCalendar: boolean,
  orphanOverride = false,
): CalendarOccurrence[] {
  const event = orphanOverride
    ? new ICAL.Event(master, { exceptions: [] })
    : new ICAL.Event(master, { strictExceptions: true, exceptions: overrides });
  if (!event.startDate) return [];
  if (!event.isRecurring()) {
    const rid = orphanOverride ? event.recurrenceId : null;
    const occ = occurrence(uid, event, event.startDate, event.endDate, rid, options, cancelledCalendar);
    return inHorizon(occ, options) ? [occ] : [];
  }
  const out: CalendarOccurrence[] = [];
  const starts: Time[] = [];
  const iterator = event.iterator();
  for (
    let i = 0, next = iterator.next();
    next && i < MAX_OCCURRENCES_PER_EVENT;
    i++, next = iterator.next()
  ) {
    if (isoDate(next) > options.horizon.to && starts.length > 0) break;
    starts.push(next);
  }
  // ical.js (2.2) leaves DTSTART out when a event repeats by RDATE alone; RFC 5545 counts it as the first.
  if (!master.hasProperty('rrule') && !starts.some((t) => t.compare(event.startDate) === 0)) {
    starts.unshift(event.startDate);
  }
  for (const start of starts) {
    const details = event.getOccurrenceDetails(start);
    const occ = occurrence(
      uid,
      details.item,
      details.startDate,
      details.endDate,
      details.recurrenceId,
      options,
      cancelledCalendar,
    );
    if (inHorizon(occ, options)) out.push(occ);
  }
  return out;
}

function inHorizon(occ: CalendarOccurrence, options: ParseOptions): boolean {
  return occ.window.from >= options.horizon.from && occ.window.from <= options.horizon.to;
}

function occurrence(
  uid: string,
  item: IcalEvent,
  start: Time,
  end: Time,
  recurrenceId: Time | null,
  options: ParseOptions,
  cancelledCalendar: boolean,
): CalendarOccurrence {
  const zone = eventZone(item.component, options.timeZone);
  const fromDate = schoolDate(start, zone, options.timeZone);
  const lastDay = end ? lastDayOf(end, start, zone, options.timeZone) : fromDate;
  const status = String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase();
  const summary = String(item.summary ?? '').trim();
  const rid = recurrenceId ? recurrenceKey(recurrenceId) : null;
  return {
    uid,
    recurrenceId: rid,
    sequence: Number(item.sequence) || 0,
    summary,
    localStart: localStartOf(start, zone),
    window: { from: fromDate, to: lastDay < fromDate ? fromDate : lastDay },
    cancelled: cancelledCalendar || status === 'CANCELLED',
    movedByOverride:
      recurrenceId !== null && item.isRecurrenceException() && start.compare(recurrenceId) !== 0,
    vsoko: readConvention(textOf(item.component, summary)),
  };
}

/** The IANA zone the event's own calendar shows its start in; UTC and floating times use the school's. */
function eventZone(vevent: Component, schoolZone: string): string {
  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === 'UTC' || tzid === 'Z') return schoolZone;
  return ianaZoneOf(tzid) ?? schoolZone;
}

/** The school's calendar day of a start: dates stay dates; times become instants, then school days. */
function schoolDate(time: Time, eventZone: string, schoolZone: string): string {
  if (time.isDate) return isoDate(time);
  return localDateOf(instantOf(time, eventZone), schoolZone);
}

/** DTEND is exclusive: an all-day event ending 2025-10-09 runs to the 8th; a timed one to the minute before. */
function lastDayOf(end: Time, start: Time, eventZone: string, schoolZone: string): string {
  if (end.isDate) return addDays(isoDate(end), -1);
  const ms = instantOf(end, eventZone);
  const startMs = start.isDate ? ms : instantOf(start, eventZone);
  return localDateOf(Math.max(startMs, ms - 60_000), schoolZone);
}

/** An instant from ical.js when the zone is known to it (UTC or a VTIMEZONE in the feed), else from Intl. */
function instantOf(time: Time, ianaZone: string): number {
  const zone = time.zone;
  const known = zone === ICAL.Timezone.utcTimezone || (zone?.tzid && ICAL.TimezoneService.has(zone.tzid));
  if (known && zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  return atLocalTime(isoDate(time), `${pad(time.hour)}:${pad(time.minute)}`, ianaZone) + time.second * 1000;
}

/** Stable across exports: all-day ids stay dates, zoned ones become UTC, floating ones stay as written. */
/** The start as a wall calendar in `zone` shows it: a UTC time is converted, a zoned or floating one kept. */
function localStartOf(start: Time, zone: string): CalendarOccurrence['localStart'] {
  if (start.isDate) return { date: isoDate(start), time: null, timeZone: zone };
  if (start.zone !== ICAL.Timezone.utcTimezone) {
    return { date: isoDate(start), time: `${pad(start.hour)}:${pad(start.minute)}`, timeZone: zone };
  }
  const ms = start.toUnixTime() * 1000;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
  return { date: localDateOf(ms, zone), time, timeZone: zone };
}

function recurrenceKey(rid: Time): string {
  if (rid.isDate || !rid.zone || rid.zone === ICAL.Timezone.localTimezone) return rid.toICALString();
  return rid.convertToZone(ICAL.Timezone.utcTimezone).toICALString();
}

function textOf(vevent: Component, summary: string): EventText {
  const categories = vevent
    .getAllProperties('categories')
    .flatMap((p) => p.getValues().map((v) => String(v)));
  const properties: Record<string, string> = {};
  for (const p of vevent.getAllProperties()) {
    const name = p.name.toUpperCase();
    if (name.startsWith('X-VSOKO-')) properties[name] = String(p.getFirstValue() ?? '');
  }
  return {
    summary,
    categories,
    description: String(vevent.getFirstPropertyValue('description') ?? ''),
    properties,
  };
}

function isoDate(t: Time): string {
  return `${String(t.year).padStart(4, '0')}-${pad(t.month)}-${pad(t.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
