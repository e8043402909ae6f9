import { addDays, atLocalTime, endOfLocalDay, isLocalTime, isTimeZone, toIsoInstant } from '../shared';
import { escalationStep, reminderDays } from './chase';
import type { TimerCommand } from './commands';
import { dueDayOf } from '../school/calendar/working-days';
import { pendingStage } from './stages';
import type { ActiveProcedure, Decision, ProcedureState } from './state';
import type { WorkingDays } from '../school/calendar/values';
import type { EscalationStep, Stage, TimerKind } from './values';

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
  const timers = policy.chase
    ? chasedTimers(state, rules, policy.chase, policy.workingDays)
    : [...stageTimers(state, rules), ...decisionTimers(state, rules)];
  return timers.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

interface Rules {
  zone: string;
  reminderDays: number[];
  graceDays: number;
  reminderTime: string;
  stageDueDays: Partial<Record<Stage, number>>;
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

function stageTimers(state: ActiveProcedure, rules: Rules): PendingTimer[] {
  const stage = pendingStage(state);
  const dueDate = stage && stageDueDate(state, stage, rules);
  if (!stage || !dueDate) return [];
  const { procedureId, watchFrom } = state;
  const flag = state.overdueStages[stage];
  if (flag?.dueDate !== dueDate) {
    const at = later(endOf(dueDate, rules), watchFrom);
    return [
      {
        kind: 'stage-overdue',
        at,
        stage,
        command: { type: 'MarkStageOverdue', data: { procedureId, stage, dueDate, dueAt: at } },
      },
    ];
  }
  if (flag.escalated) return [];
  const graceAfterWatch = watchFrom && toIsoInstant(Date.parse(watchFrom) + rules.graceDays * DAY_MS);
  const at = later(endOf(addDays(dueDate, rules.graceDays), rules), graceAfterWatch);
  const subject = { kind: 'stage' as const, stage, dueDate };
  return [
    {
      kind: 'escalation',
      at,
      stage,
      command: { type: 'EscalateToDirector', data: { procedureId, subject, dueAt: at } },
    },
  ];
}

function decisionTimers(state: ActiveProcedure, rules: Rules): PendingTimer[] {
  if (state.status !== 'following-up') return [];
  return state.followUp.decisions
    .filter((d) => d.status === 'open')
    .flatMap((d) => timersOfDecision(state.procedureId, d, rules));
}

function timersOfDecision(procedureId: string, decision: Decision, rules: Rules): PendingTimer[] {
  const { decisionId, deadline } = decision;
  if (decision.overdue) {
    if (decision.escalated) return [];
    const at = endOf(addDays(deadline, rules.graceDays), rules);
    const subject = { kind: 'decision' as const, decisionId, deadline };
    return [
      {
        kind: 'escalation',
        at,
        decisionId,
        command: { type: 'EscalateToDirector', data: { procedureId, subject, dueAt: at } },
      },
    ];
  }
  const reminders = rules.reminderDays
    .filter((daysBefore) => addDays(deadline, -daysBefore) >= decision.remindFrom)
    .filter(
      (daysBefore) =>
        !decision.remindersSent.some((r) => r.deadline === deadline && r.daysBefore === daysBefore),
    )
    .map((daysBefore): PendingTimer => {
      const at = toIsoInstant(atLocalTime(addDays(deadline, -daysBefore), rules.reminderTime, rules.zone));
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
  const at = endOf(deadline, rules);
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

/*
 * With an escalation chain (procedures scheduled since issue 15): a window's end or a deadline on a day off
 * falls due on the next working day (under the school's policy), reminders move back to the last working day
 * before a day off, the responsible hears of the window before it opens, and lateness is chased step by step
 * along the chain, on working days, until the work is done or the procedure cancelled.
 */
function chasedTimers(
  state: ActiveProcedure,
  rules: Rules,
  chase: Chase,
  days: WorkingDays | undefined,
): PendingTimer[] {
  const morningOf = (day: string) => toIsoInstant(atLocalTime(day, rules.reminderTime, rules.zone));
  const out: PendingTimer[] = [];
  const { procedureId, watchFrom } = state;
  const remindFrom = state.chase?.remindFrom ?? '';
  if (state.status === 'scheduled') {
    const { from } = state.window;
    for (const { daysBefore, day } of reminderDays(chase.preparationDaysBefore, from, days)) {
      if (day < remindFrom) continue;
      if ((state.preparationsSent ?? []).some((p) => p.from === from && p.daysBefore === daysBefore))
        continue;
      const at = morningOf(day);
      out.push({
        kind: 'preparation-reminder',
        at,
        daysBefore,
        command: { type: 'RemindOfWindow', data: { procedureId, from, daysBefore, dueAt: at } },
      });
    }
  }
  const stage = pendingStage(state);
  const dueDate = stage && stageDueDate(state, stage, rules);
  if (stage && dueDate) {
    const dueOn = dueDayOf(days, dueDate);
    const flag = state.overdueStages[stage];
    if (flag?.dueDate !== dueDate) {
      const at = later(endOf(dueOn, rules), watchFrom);
      out.push({
        kind: 'stage-overdue',
        at,
        stage,
        command: { type: 'MarkStageOverdue', data: { procedureId, stage, dueDate, dueAt: at } },
      });
    } else {
      const k = flag.escalations ?? (flag.escalated ? 1 : 0);
      const step = escalationStep(chase, dueOn, k, days);
      if (step) {
        const at = later(later(morningOf(step.day), endOf(dueOn, rules)), watchFrom);
        const subject = { kind: 'stage' as const, stage, dueDate };
        out.push({
          kind: 'escalation',
          at,
          stage,
          command: {
            type: 'EscalateToDirector',
            data: { procedureId, subject, dueAt: at, step: k, to: step.to },
          },
        });
      }
    }
  }
  if (state.status === 'following-up') {
    for (const decision of state.followUp.decisions) {
      if (decision.status === 'open') out.push(...chasedDecision(procedureId, decision, chase, days, rules));
    }
  }
  return out;
}

function chasedDecision(
  procedureId: string,
  decision: Decision,
  chase: Chase,
  days: WorkingDays | undefined,
  rules: Rules,
): PendingTimer[] {
  const morningOf = (day: string) => toIsoInstant(atLocalTime(day, rules.reminderTime, rules.zone));
  const { decisionId, deadline } = decision;
  const dueOn = dueDayOf(days, deadline);
  if (decision.overdue) {
    const k = decision.escalations ?? (decision.escalated ? 1 : 0);
    const step = escalationStep(chase, dueOn, k, days);
    if (!step) return [];
    const at = later(morningOf(step.day), endOf(dueOn, rules));
    const subject = { kind: 'decision' as const, decisionId, deadline };
    return [
      {
        kind: 'escalation',
        at,
        decisionId,
        command: {
          type: 'EscalateToDirector',
          data: { procedureId, subject, dueAt: at, step: k, to: step.to },
        },
      },
    ];
  }
  const reminders = reminderDays(rules.reminderDays, dueOn, days)
    .filter(({ day }) => day >= decision.remindFrom)
    .filter(
      ({ daysBefore }) =>
        !decision.remindersSent.some((r) => r.deadline === deadline && r.daysBefore === daysBefore),
    )
    .map(({ daysBefore, day }): PendingTimer => {
      const at = morningOf(day);
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
