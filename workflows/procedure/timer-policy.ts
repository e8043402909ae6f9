import {
  DEFAULT_TIME_ZONE,
  pendingTimers,
  timerPolicy,
  type PendingTimer,
  type ProcedureState,
  type TimerPolicy,
} from '../../libs/domain/src';

/**
 * The key of a fired timer, part of its command id (`timer:<procedure>:<key>`): recorded histories hold these ids,
 * so the key of a timer must never change (timer-keys.spec.ts checks every recorded one).
 */
export function timerKey(timer: PendingTimer): string {
  const key = [timer.kind, timer.decisionId ?? '', timer.daysBefore ?? '', timer.at].join(':');
  // Two chain steps may fall due at the same instant (a step moved off a weekend onto the next one's day):
  // the step keeps their command ids apart. Timers without a step keep the ids they always had.
  const step = timer.command.type === 'EscalateToDirector' ? timer.command.data.step : undefined;
  return step === undefined ? key : `${key}:step${step}`;
}

/**
 * The timer rules of the procedure, from what it was scheduled with. Patch `escalation-chains`: a procedure
 * scheduled with a chase (issue 15) is chased along its chain on its school's working days; runs recorded
 * before the patch, and procedures scheduled before chains, keep the single escalation to the director.
 */
export function policyOf(state: ProcedureState, chains: boolean): TimerPolicy {
  if (!('timeZone' in state)) return timerPolicy(DEFAULT_TIME_ZONE);
  const reminders = state.reminders;
  const chase = chains ? state.chase : undefined;
  return timerPolicy(state.timeZone, {
    ...(reminders
      ? { reminderDaysBefore: reminders.daysBefore, escalationGraceDays: reminders.escalationGraceDays }
      : {}),
    ...(chase
      ? {
          chase: {
            preparationDaysBefore: chase.preparationDaysBefore,
            escalation: chase.escalation,
            repeatEveryDays: chase.repeatEveryDays,
          },
          ...(chase.workingDays ? { workingDays: chase.workingDays } : {}),
        }
      : {}),
  });
}

/**
 * The first instant a procedure's workflow has something to do on its own (a reminder, an overdue stage, a
 * chase step), under either timer rule the workflow may apply; null when it has none. A procedure scheduled
 * without its workflow (ADR 0009, lazy starts) must have it running before then.
 */
export function firstTimerAt(state: ProcedureState): string | null {
  const chase = 'chase' in state && state.chase !== undefined;
  const firsts = [false, ...(chase ? [true] : [])]
    .map((chains) => pendingTimers(state, policyOf(state, chains))[0]?.at)
    .filter((at): at is string => at !== undefined);
  return firsts.length === 0 ? null : firsts.sort()[0];
}
