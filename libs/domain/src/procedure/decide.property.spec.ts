import fc from 'fast-check';
import { addDays, VsokoError, localDateOf, type Actor } from '../shared';
import type { ProcedureCommand } from './commands';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState, type ProcedureState } from './state';
import {
  actors,
  ctx,
  lessons,
  meeting,
  parents,
  PROCEDURE,
  scheduledData,
  userCommands,
  ZONE,
} from './testing/fixtures';
import { pendingTimers, timerPolicy } from './timers';
import { MEETING_LEVELS, PROCEDURE_STATUSES } from './values';

/*
 * Random lives of one procedure: people's commands with plausible and implausible data, from any actor, as
 * time goes by, interleaved with the timers the workflow would fire. Whatever happens, decide either refuses
 * with a coded VsokoError (rule, forbidden, conflict, not found) or produces events that evolve folds without throwing, and the timers it then
 * lists can all be fired.
 */

const START = Date.parse('2024-03-01T03:00:00.000Z');
const DAY = 86_400_000;

const date = fc
  .integer({ min: 0, max: 200 })
  .map((n) => new Date(START + n * DAY).toISOString().slice(0, 10));
const maybeDate = fc.oneof(
  { weight: 9, arbitrary: date },
  { weight: 1, arbitrary: fc.constantFrom('', '2024-02-30', 'завтра') },
);
const decisionId = fc.constantFrom('d1', 'd2', 'd3');
const text = fc.constantFrom('Приказ № 7', '', '  Справка ', 'Перенос по графику');
const person = fc.constantFrom(
  { personId: 'ivanova', name: 'Иванова И. И.' },
  { personId: 'petrov', name: 'Петров П. П.' },
  { role: 'teacher', name: 'Классные руководители' },
  { name: '' },
);
const actor: fc.Arbitrary<Actor> = fc.constantFrom(...Object.values(actors));

const command: fc.Arbitrary<ProcedureCommand> = fc.oneof(
  fc.record({ from: date, to: date, reason: text }).map(({ from, to, reason }): ProcedureCommand => ({
    type: 'RescheduleProcedure',
    data: { procedureId: PROCEDURE, window: { from, to }, reason },
  })),
  fc.record({ performedOn: maybeDate, performedBy: person }).map((d): ProcedureCommand => ({
    ...userCommands.performed,
    data: { ...userCommands.performed.data, ...d },
  })),
  maybeDate.map((analysedOn): ProcedureCommand => ({
    ...userCommands.analysis,
    data: { ...userCommands.analysis.data, analysedOn },
  })),
  fc
    .record({ heldOn: maybeDate, level: fc.constantFrom(...MEETING_LEVELS) })
    .map(({ heldOn, level }): ProcedureCommand => ({
      type: 'RecordDiscussion',
      data: { procedureId: PROCEDURE, meeting: { ...meeting, level, heldOn } },
    })),
  fc
    .array(fc.record({ decisionId, wording: text, deadline: maybeDate, responsible: person }), {
      minLength: 0,
      maxLength: 3,
    })
    .map((decisions): ProcedureCommand => ({
      type: 'AdoptDecisions',
      data: { procedureId: PROCEDURE, decisions },
    })),
  fc.constant(userCommands.note),
  fc
    .record({ decisionId, executedOn: maybeDate, description: text })
    .map(({ decisionId, executedOn, description }): ProcedureCommand => ({
      type: 'ExecuteDecision',
      data: { procedureId: PROCEDURE, decisionId, executedOn, evidence: { description } },
    })),
  fc.record({ decisionId, deadline: maybeDate, reason: text }).map((d): ProcedureCommand => ({
    type: 'ExtendDecisionDeadline',
    data: { procedureId: PROCEDURE, ...d },
  })),
  fc
    .record({ decisionId, reason: text })
    .map((d): ProcedureCommand => ({ type: 'CancelDecision', data: { procedureId: PROCEDURE, ...d } })),
  fc
    .record({ decisionId, childProcedureId: fc.constantFrom('c1', 'c2', PROCEDURE), from: date, to: date })
    .map(({ decisionId, childProcedureId, from, to }): ProcedureCommand => ({
      type: 'RequestRecheck',
      data: { procedureId: PROCEDURE, decisionId, childProcedureId, window: { from, to } },
    })),
  fc.constant(userCommands.close),
  fc.constant(userCommands.cancel),
);

/** Choices for the command that takes the procedure a stage further, so that random lives get far. */
const progress = fc.record({
  kind: fc.constant('advance' as const),
  back: fc.integer({ min: -1, max: 10 }),
  ahead: fc.integer({ min: -3, max: 90 }),
  count: fc.integer({ min: 0, max: 3 }),
  who: fc.constantFrom(actors.director, actors.ivanova, actors.ivanova, actors.petrov),
  hours: fc.integer({ min: 0, max: 120 }),
});
type Progress = typeof progress extends fc.Arbitrary<infer P> ? P : never;

/** A step: a person's next move, any command at all, or the workflow firing its first pending timer. */
const step = fc.oneof(
  { weight: 6, arbitrary: progress },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      command,
      actor,
      hours: fc.integer({ min: 0, max: 240 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('timer' as const) }) },
);

function advance(state: ProcedureState, p: Progress, today: string): ProcedureCommand | null {
  const day = addDays(today, -p.back);
  switch (state.status) {
    case 'scheduled':
      return { ...userCommands.performed, data: { ...userCommands.performed.data, performedOn: day } };
    case 'performed':
      return { ...userCommands.analysis, data: { ...userCommands.analysis.data, analysedOn: day } };
    case 'analysed':
      return {
        type: 'RecordDiscussion',
        data: { procedureId: PROCEDURE, meeting: { ...meeting, heldOn: day } },
      };
    case 'discussed': {
      if (p.count === 0) return userCommands.note;
      const decisions = [lessons, parents, { ...lessons, decisionId: 'd3' }]
        .slice(0, p.count)
        .map((d, i) => ({
          ...d,
          deadline: addDays(state.discussion.heldOn, p.ahead + i * 7),
        }));
      return { type: 'AdoptDecisions', data: { procedureId: PROCEDURE, decisions } };
    }
    case 'following-up': {
      const open = state.followUp.decisions.find((d) => d.status === 'open');
      if (!open) return userCommands.close;
      const { decisionId } = open;
      if (p.count === 3)
        return { type: 'CancelDecision', data: { procedureId: PROCEDURE, decisionId, reason: 'Не нужно' } };
      if (p.count === 2) {
        const deadline = addDays(open.deadline, Math.abs(p.ahead) + 1);
        return {
          type: 'ExtendDecisionDeadline',
          data: { procedureId: PROCEDURE, decisionId, deadline, reason: 'Продлено' },
        };
      }
      return { ...userCommands.execute, data: { ...userCommands.execute.data, decisionId, executedOn: day } };
    }
    default:
      return null;
  }
}

const policy = timerPolicy(ZONE, { stageDueDays: { analysis: 10, discussion: 20, decision: 3 } });
const schedule: ProcedureCommand = {
  type: 'ScheduleProcedure',
  data: { ...scheduledData, window: { from: '2024-03-04', to: '2024-04-26' } },
};

function attempt(command: ProcedureCommand, state: ProcedureState, by: Actor, at: number): ProcedureState {
  const context = ctx(by, new Date(at).toISOString());
  let produced;
  try {
    produced = decide(command, state, context);
  } catch (e) {
    if (e instanceof VsokoError) return state;
    throw e;
  }
  expect(decide(command, state, context)).toEqual(produced);
  const next = produced.reduce(evolve, state);
  expect(PROCEDURE_STATUSES).toContain(next.status);
  return next;
}

describe('any life of a procedure', () => {
  it('never breaks decide, evolve or the timers, and every pending timer can be fired', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), (steps) => {
        let now = START;
        let state = attempt(schedule, initialState, actors.director, now);
        for (const s of steps) {
          if (s.kind === 'command') {
            now += s.hours * 3_600_000;
            state = attempt(s.command, state, s.actor, now);
            continue;
          }
          if (s.kind === 'advance') {
            now += s.hours * 3_600_000;
            const next = advance(state, s, localDateOf(now, ZONE));
            if (next) state = attempt(next, state, s.who, now);
            continue;
          }
          const [next] = pendingTimers(state, policy);
          if (!next) continue;
          now = Math.max(now, Date.parse(next.at));
          const produced = decide(next.command, state, ctx(actors.system, new Date(now).toISOString()));
          expect(produced.length).toBeGreaterThan(0);
          state = produced.reduce(evolve, state);
          const same = (t: typeof next) =>
            t.kind === next.kind &&
            t.at === next.at &&
            t.decisionId === next.decisionId &&
            t.daysBefore === next.daysBefore;
          expect(pendingTimers(state, policy).some(same)).toBe(false);
        }
        if (state.status === 'closed' && 'followUp' in state) {
          expect(state.followUp.decisions.every((d) => d.status !== 'open')).toBe(true);
        }
        if (state.status === 'following-up' || (state.status === 'closed' && 'followUp' in state)) {
          const ids = state.followUp.decisions.map((d) => d.decisionId);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
