import {
  DEFAULT_TIME_ZONE,
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
