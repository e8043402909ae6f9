import { addDays, atLocalTime, endOfLocalDay, isLocalTime, isTimeZone, toIsoInstant } from '../shared';
import { escalationStep, reminderDays as chasedReminderDays } from '../procedure/chase';
import { DEFAULT_TIMER_POLICY, type Chase, type TimerPolicy } from '../procedure/timers';
import { dueDayOf, nextWorkingDay } from '../school/calendar/working-days';
import type { WorkingDays } from '../school/calendar/values';
import { standingCheckIns } from './calendar';
import type { DecisionTimerCommand } from './commands';
import { dueDateOf } from './rules';
import type { ActiveDecision, DecisionState } from './state';

export type DecisionTimerKind = 'reminder' | 'deadline-missed' | 'escalation' | 'check-in-missed';

export interface PendingDecisionTimer {
  kind: DecisionTimerKind;
  /** ISO instant at which the workflow issues `command` as the system actor. */
  at: string;
  command: DecisionTimerCommand;
}

export interface DecisionTimerOptions {
  /**
   * A decision entered after its deadline in force had passed (a protocol typed in late, a report imported) is
   * overdue at once, and chased as if it had fallen due on the day it was entered — not at once along the whole
   * chain for a deadline long past. Without it (workflow runs recorded before the patch `late-entries-overdue`)
   * such a decision waits for nothing.
   */
  lateEntries?: boolean;
}

/**
 * Every timer the decision waits for, earliest first, independent of the present moment (a past one fires at
 * once). Each command, issued at or after its instant, yields events that remove it from the list, so a
 * workflow that always fires the first entry makes progress. Standing decisions list only their next
 * check-in: they have no end.
 */
export function pendingDecisionTimers(
  state: DecisionState,
  policy: TimerPolicy,
  options: DecisionTimerOptions = {},
): PendingDecisionTimer[] {
  if (state.status !== 'open' && state.status !== 'reopened') return [];
  const lateEntries = options.lateEntries === true;
  const zone = isTimeZone(policy.timeZone) ? policy.timeZone : state.timeZone;
  const time =
    policy.reminderTime && isLocalTime(policy.reminderTime)
      ? policy.reminderTime
      : DEFAULT_TIMER_POLICY.reminderTime;
  const grace =
    Number.isInteger(policy.escalationGraceDays) && policy.escalationGraceDays >= 0
      ? policy.escalationGraceDays
      : DEFAULT_TIMER_POLICY.escalationGraceDays;
  const endOf = (day: string) => toIsoInstant(endOfLocalDay(day, zone));
  const morningOf = (day: string) => toIsoInstant(atLocalTime(day, time, zone));
  const days = policy.workingDays;
  const timers = [
    ...(policy.chase
      ? chasedDeadlineTimers(
          state,
          policy.reminderDaysBefore,
          policy.chase,
          days,
          endOf,
          morningOf,
          lateEntries,
        )
      : deadlineTimers(state, policy.reminderDaysBefore, grace, endOf, morningOf, lateEntries)),
    // A check-in on a day off is due at the end of the next working day.
    ...checkInTimers(state, (day) => endOf(days ? nextWorkingDay(days, day) : day)),
  ];
  return timers.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * With an escalation chain: the deadline moves off a day off (if the school's policy says so), reminders
 * move back to the last working day before it, and after it the chain's steps chase one addressee after
 * another, on working days, then the last one again until the decision is done.
 */
function chasedDeadlineTimers(
  state: ActiveDecision,
  reminderDays: readonly number[],
  chase: Chase,
  days: WorkingDays | undefined,
  endOf: (day: string) => string,
  morningOf: (day: string) => string,
  lateEntries: boolean,
): PendingDecisionTimer[] {
  const due = dueDateOf(state.deadline.parsed);
  if (due === null || (due < state.remindFrom && !(lateEntries && enteredAfterDeadline(state)))) return [];
  const dueOn = dueDayOf(days, due);
  const { decisionId } = state;
  if (state.overdue) {
    const k = state.escalations ?? (state.escalated ? 1 : 0);
    // Entered late: the chain counts its days from the day the decision was entered.
    const from = state.remindFrom > dueOn ? state.remindFrom : dueOn;
    const step = escalationStep(chase, from, k, days);
    if (!step) return [];
    const at = later(morningOf(step.day), endOf(dueOn));
    return [
      {
        kind: 'escalation',
        at,
        command: { type: 'EscalateDecision', data: { decisionId, due, dueAt: at, step: k, to: step.to } },
      },
    ];
  }
  const reminders = chasedReminderDays(reminderDays, dueOn, days)
    .filter(({ day }) => day >= state.remindFrom)
    .filter(
      ({ daysBefore }) => !state.remindersSent.some((r) => r.due === due && r.daysBefore === daysBefore),
    )
    .map(({ daysBefore, day }): PendingDecisionTimer => {
      const at = morningOf(day);
      return {
        kind: 'reminder',
        at,
        command: { type: 'RemindOfDeadline', data: { decisionId, due, daysBefore, dueAt: at } },
      };
    });
  const at = endOf(dueOn);
  return [
    ...reminders,
    {
      kind: 'deadline-missed',
      at,
      command: {
        type: 'MarkDeadlineMissed',
        data: { decisionId, due, dueAt: at, ...(dueOn !== due ? { dueOn } : {}) },
      },
    },
  ];
}

/** The later of two ISO instants (both as `toISOString` writes them, so they compare as text). */
const later = (a: string, b: string) => (b > a ? b : a);

function deadlineTimers(
  state: ActiveDecision,
  reminderDays: readonly number[],
  grace: number,
  endOf: (day: string) => string,
  morningOf: (day: string) => string,
  lateEntries: boolean,
): PendingDecisionTimer[] {
  const due = dueDateOf(state.deadline.parsed);
  // Before the patch, a decision entered after its deadline waited for nothing (see `lateEntries`).
  if (due === null || (due < state.remindFrom && !(lateEntries && enteredAfterDeadline(state)))) return [];
  const { decisionId } = state;
  if (state.overdue) {
    if (state.escalated) return [];
    const at = endOf(addDays(due < state.remindFrom ? state.remindFrom : due, grace));
    return [
      { kind: 'escalation', at, command: { type: 'EscalateDecision', data: { decisionId, due, dueAt: at } } },
    ];
  }
  const reminders = [...new Set(reminderDays)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .filter((d) => addDays(due, -d) >= state.remindFrom)
    .filter((d) => !state.remindersSent.some((r) => r.due === due && r.daysBefore === d))
    .map((daysBefore): PendingDecisionTimer => {
      const at = morningOf(addDays(due, -daysBefore));
      return {
        kind: 'reminder',
        at,
        command: { type: 'RemindOfDeadline', data: { decisionId, due, daysBefore, dueAt: at } },
      };
    });
  const at = endOf(due);
  return [
    ...reminders,
    {
      kind: 'deadline-missed',
      at,
      command: { type: 'MarkDeadlineMissed', data: { decisionId, due, dueAt: at } },
    },
  ];
}

/**
 * In work for the first time, with its deadline in force already past on the day it was set (adopted, or
 * changed, after it). A re-opened decision is not: its old deadline was met, and it waits for a new one.
 */
export function enteredAfterDeadline(state: DecisionState): boolean {
  if (state.status !== 'open') return false;
  const due = dueDateOf(state.deadline.parsed);
  return due !== null && due < state.remindFrom;
}

function checkInTimers(state: ActiveDecision, endOf: (day: string) => string): PendingDecisionTimer[] {
  const deadline = state.deadline.parsed;
  const handled = new Set(state.checkIns.map((c) => c.dueOn));
  let days: string[] = [];
  if (deadline.kind === 'year') {
    days = deadline.checkIns.filter((d) => d >= state.recordedOn && !handled.has(d));
  } else if (deadline.kind === 'standing') {
    const last = state.checkIns.reduce(
      (max, c) => (c.dueOn > max ? c.dueOn : max),
      addDays(state.recordedOn, -1),
    );
    days = standingCheckIns(deadline.every, deadline.from, last, 1);
  }
  const { decisionId } = state;
  return days.map((dueOn) => {
    const at = endOf(dueOn);
    return {
      kind: 'check-in-missed',
      at,
      command: { type: 'MarkCheckInMissed', data: { decisionId, dueOn, dueAt: at } },
    };
  });
}
