import {
  addDays,
  atLocalTime,
  endOfLocalDay,
  isLocalTime,
  isTimeZone,
  localDateOf,
  toIsoInstant,
} from '../shared';
import { escalationStep, reminderDays } from './chase';
import type { TimerCommand } from './commands';
import { dueDayOf, nextWorkingDay } from '../school/calendar/working-days';
import { pendingStage } from './stages';
import type { ActiveProcedure, Decision, ProcedureState } from './state';
import type { WorkingDays } from '../school/calendar/values';
import type { EscalationStep, OverdueSubject, Stage, TimerKind } from './values';

/** A school's rules for watching deadlines. */
export interface TimerPolicy {
  /** IANA zone of the school: deadlines fall due at the end of their day there. */
  timeZone: string;
  /** Reminders before a decision's deadline, in days; 0 is the morning of the deadline itself. */
  reminderDaysBefore: readonly number[];
  /** Days a recorded lateness may last before it is escalated to the director. */
  escalationGraceDays: number;
  /** Local time ('HH:MM') at which reminders go out; 09:00 when absent. */
  reminderTime?: string;
  /** Days after the previous stage by which a later stage is due; a stage not listed is not watched. */
  stageDueDays?: Partial<Record<Exclude<Stage, 'performance'>, number>>;
  /**
   * The escalation chain (issue 15). Absent for work scheduled before chains existed: then lateness is
   * escalated once, to the director, after `escalationGraceDays`, as it always was.
   */
  chase?: Chase;
  /** The school's working days around the deadline; absent: every day is a working day. */
  workingDays?: WorkingDays;
}

/** A procedure's chase as scheduled: the chain, the school's working days, and the day reminders start. */
export interface ProcedureChase extends Chase {
  workingDays?: WorkingDays;
  /** The school day it was scheduled: preparation reminders due before it are not sent. */
  remindFrom: string;
}

/** Who is chased when, after a deadline, and what happens before a window opens. */
export interface Chase {
  preparationDaysBefore: readonly number[];
  escalation: readonly EscalationStep[];
  repeatEveryDays: number;
}

export const DEFAULT_TIMER_POLICY = {
  reminderDaysBefore: [7, 1],
  escalationGraceDays: 3,
  reminderTime: '09:00',
} as const satisfies Omit<TimerPolicy, 'timeZone'>;

export function timerPolicy(
  timeZone: string,
  overrides: Partial<Omit<TimerPolicy, 'timeZone'>> = {},
): TimerPolicy {
  return { ...DEFAULT_TIMER_POLICY, ...overrides, timeZone };
}

export interface PendingTimer {
  kind: TimerKind;
  /** ISO instant at which the workflow issues `command` as the system actor. */
  at: string;
  decisionId?: string;
  daysBefore?: number;
  stage?: Stage;
  command: TimerCommand;
}

/**
 * Every timer the current state is waiting for, earliest first. The list does not depend on the present
 * moment: a timer whose instant has passed is still listed and should fire at once. Each listed command,
 * issued at or after its instant, yields events that remove it from the list, so a workflow that always
 * fires the first entry makes progress.
 */
export function pendingTimers(state: ProcedureState, policy: TimerPolicy): PendingTimer[] {
  if (state.status === 'none' || state.status === 'closed' || state.status === 'cancelled') return [];
  const rules = normalised(policy, state.timeZone);
  const chain = chainOf(policy, rules);
  const timers = [
    ...preparationTimers(state, chain, rules),
    ...stageTimers(state, chain, rules),
    ...decisionTimers(state, chain, rules),
  ];
  return timers.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

interface Rules {
  zone: string;
  reminderDays: number[];
  graceDays: number;
  reminderTime: string;
  stageDueDays: Partial<Record<Stage, number>>;
}

/**
 * The chain a procedure is chased along. `numbered` (procedures scheduled with a chase, issue 15): a window's end
 * or a deadline on a day off falls due on the next working day, each step goes out on the morning of its working
 * day and is recorded with its number and addressee. Otherwise the default chain of work scheduled before chains:
 * no preparation reminder, every day a working day, and one step — to the director, `escalationGraceDays` after
 * the deadline, at the end of that day (and not before the grace period has passed since the procedure is watched
 * from), recorded without a number. Its instants and command ids are in recorded histories: they must not move.
 */
interface Chain extends Chase {
  numbered: boolean;
  days?: WorkingDays;
}

function chainOf(policy: TimerPolicy, rules: Rules): Chain {
  if (policy.chase) return { ...policy.chase, numbered: true, days: policy.workingDays };
  return {
    preparationDaysBefore: [],
    escalation: [{ afterDays: rules.graceDays, to: 'director' }],
    repeatEveryDays: 0,
    numbered: false,
  };
}

/** A policy with a bad value falls back to the default for it rather than stalling the workflow. */
function normalised(policy: TimerPolicy, procedureZone: string): Rules {
  const days = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  return {
    zone: isTimeZone(policy.timeZone) ? policy.timeZone : procedureZone,
    reminderDays: [...new Set(policy.reminderDaysBefore.filter(days))].sort((a, b) => b - a),
    graceDays: days(policy.escalationGraceDays)
      ? policy.escalationGraceDays
      : DEFAULT_TIMER_POLICY.escalationGraceDays,
    reminderTime:
      policy.reminderTime !== undefined && isLocalTime(policy.reminderTime)
        ? policy.reminderTime
        : DEFAULT_TIMER_POLICY.reminderTime,
    stageDueDays: Object.fromEntries(Object.entries(policy.stageDueDays ?? {}).filter(([, n]) => days(n))),
  };
}

function endOf(date: string, rules: Rules): string {
  return toIsoInstant(endOfLocalDay(date, rules.zone));
}

function morningOf(date: string, rules: Rules): string {
  return toIsoInstant(atLocalTime(date, rules.reminderTime, rules.zone));
}

function stageDueDate(state: ActiveProcedure, stage: Stage, rules: Rules): string | null {
  const after = rules.stageDueDays[stage];
  switch (state.status) {
    case 'scheduled':
      return state.window.to;
    case 'performed':
      return after === undefined ? null : addDays(state.performance.performedOn, after);
    case 'analysed':
      return after === undefined ? null : addDays(state.analysis.analysedOn, after);
    case 'discussed':
      return after === undefined ? null : addDays(state.discussion.heldOn, after);
    case 'following-up':
      return null;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The later of two ISO instants (both as `toISOString` writes them, so they compare as text). */
const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/** Before a window opens the responsible is told to prepare, on working days, not before the day of scheduling. */
function preparationTimers(state: ActiveProcedure, chain: Chain, rules: Rules): PendingTimer[] {
  if (state.status !== 'scheduled') return [];
  const { procedureId } = state;
  const { from } = state.window;
  const remindFrom = state.chase?.remindFrom ?? '';
  return reminderDays(chain.preparationDaysBefore, from, chain.days)
    .filter(({ day }) => day >= remindFrom)
    .filter(
      ({ daysBefore }) =>
        !(state.preparationsSent ?? []).some((p) => p.from === from && p.daysBefore === daysBefore),
    )
    .map(({ daysBefore, day }): PendingTimer => {
      const at = morningOf(day, rules);
      return {
        kind: 'preparation-reminder',
        at,
        daysBefore,
        command: { type: 'RemindOfWindow', data: { procedureId, from, daysBefore, dueAt: at } },
      };
    });
}

/**
 * Step `k` of the chase of a lateness due on `dueOn`, or null when the chain is over. `watchFrom`: a procedure
 * watched only from a later instant (a row of a plan approved mid-year, kept overdue) has each step its days after
 * that instant, not at once for a deadline long past.
 */
function escalationTimer(
  chain: Chain,
  rules: Rules,
  dueOn: string,
  k: number,
  watchFrom: string | undefined,
  subject: OverdueSubject,
  procedureId: string,
): PendingTimer | null {
  const step = escalationStep(chain, dueOn, k, chain.days);
  if (!step) return null;
  // Work watched only from a later instant is chased as if it had fallen due then: each step its days after it
  // (along a chain, on the morning of a working day).
  let notBefore: string | undefined;
  if (watchFrom && chain.numbered) {
    const day = addDays(localDateOf(watchFrom, rules.zone), step.afterDays);
    notBefore = later(morningOf(chain.days ? nextWorkingDay(chain.days, day) : day, rules), watchFrom);
  } else if (watchFrom) {
    notBefore = toIsoInstant(Date.parse(watchFrom) + step.afterDays * DAY_MS);
  }
  const at = chain.numbered
    ? later(later(morningOf(step.day, rules), endOf(dueOn, rules)), notBefore)
    : later(endOf(step.day, rules), notBefore);
  return {
    kind: 'escalation',
    at,
    ...(subject.kind === 'stage' ? { stage: subject.stage } : { decisionId: subject.decisionId }),
    command: {
      type: 'EscalateToDirector',
      data: chain.numbered
        ? { procedureId, subject, dueAt: at, step: k, to: step.to }
        : { procedureId, subject, dueAt: at },
    },
  };
}

function stageTimers(state: ActiveProcedure, chain: Chain, rules: Rules): PendingTimer[] {
  const stage = pendingStage(state);
  const dueDate = stage && stageDueDate(state, stage, rules);
  if (!stage || !dueDate) return [];
  const { procedureId, watchFrom } = state;
  const dueOn = dueDayOf(chain.days, dueDate);
  const flag = state.overdueStages[stage];
  if (flag?.dueDate !== dueDate) {
    const at = later(endOf(dueOn, rules), watchFrom);
    return [
      {
        kind: 'stage-overdue',
        at,
        stage,
        command: { type: 'MarkStageOverdue', data: { procedureId, stage, dueDate, dueAt: at } },
      },
    ];
  }
  const k = flag.escalations ?? (flag.escalated ? 1 : 0);
  const subject = { kind: 'stage' as const, stage, dueDate };
  const timer = escalationTimer(chain, rules, dueOn, k, watchFrom, subject, procedureId);
  return timer ? [timer] : [];
}

function decisionTimers(state: ActiveProcedure, chain: Chain, rules: Rules): PendingTimer[] {
  if (state.status !== 'following-up') return [];
  return state.followUp.decisions
    .filter((d) => d.status === 'open')
    .flatMap((d) => timersOfDecision(state.procedureId, d, chain, rules));
}

/** Reminders before the deadline (moved back off days off), the lateness at its end, then the chase. */
function timersOfDecision(
  procedureId: string,
  decision: Decision,
  chain: Chain,
  rules: Rules,
): PendingTimer[] {
  const { decisionId, deadline } = decision;
  const dueOn = dueDayOf(chain.days, deadline);
  if (decision.overdue) {
    const k = decision.escalations ?? (decision.escalated ? 1 : 0);
    const subject = { kind: 'decision' as const, decisionId, deadline };
    const timer = escalationTimer(chain, rules, dueOn, k, undefined, subject, procedureId);
    return timer ? [timer] : [];
  }
  const reminders = reminderDays(rules.reminderDays, dueOn, chain.days)
    .filter(({ day }) => day >= decision.remindFrom)
    .filter(
      ({ daysBefore }) =>
        !decision.remindersSent.some((r) => r.deadline === deadline && r.daysBefore === daysBefore),
    )
    .map(({ daysBefore, day }): PendingTimer => {
      const at = morningOf(day, rules);
      return {
        kind: 'decision-reminder',
        at,
        decisionId,
        daysBefore,
        command: {
          type: 'RemindOfDecision',
          data: { procedureId, decisionId, deadline, daysBefore, dueAt: at },
        },
      };
    });
  const at = endOf(dueOn, rules);
  return [
    ...reminders,
    {
      kind: 'decision-overdue',
      at,
      decisionId,
      command: { type: 'MarkDecisionOverdue', data: { procedureId, decisionId, deadline, dueAt: at } },
    },
  ];
}
