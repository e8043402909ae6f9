import { timerPolicy } from '../procedure/timers';
import type { DecisionCommand } from './commands';
import { decideDecision } from './decide';
import type { DecisionStreamEvent } from './events';
import { evolveDecision } from './evolve';
import { initialDecisionState } from './state';
import {
  actors,
  adopted,
  ctx,
  DECISION,
  decisionSpec,
  events,
  ZONE,
  standing,
  wholeYear,
} from './testing/fixtures';
import { pendingDecisionTimers } from './timers';

const policy = timerPolicy(ZONE);
const fold = (history: DecisionStreamEvent[]) => history.reduce(evolveDecision, initialDecisionState);
const lead = adopted.executors.lead;
const wording = adopted.wording;

/** Fires the first pending timer as the system, at its instant, until none is left or `limit` is reached. */
function run(history: DecisionStreamEvent[], limit: number): DecisionStreamEvent[] {
  const out = [...history];
  for (let i = 0; i < limit; i++) {
    const [next] = pendingDecisionTimers(fold(out), policy);
    if (!next) break;
    const produced = decideDecision(next.command, fold(out), ctx(actors.system, next.at));
    expect(produced.length).toBeGreaterThan(0);
    out.push(...produced);
  }
  return out.slice(history.length);
}

describe('open, due at the end of a range of months', () => {
  it('waits for reminders 7 and 1 days before 31.12.2023 at 09:00, then the end of that day, in the school’s zone', () => {
    const timers = pendingDecisionTimers(fold([events.adopted()]), policy);
    expect(timers.map((t) => [t.kind, t.at])).toEqual([
      ['reminder', '2023-12-24T04:00:00.000Z'],
      ['reminder', '2023-12-30T04:00:00.000Z'],
      ['deadline-missed', '2023-12-31T18:59:59.999Z'],
    ]);
  });

  it('is marked missed, then escalated after the grace days, each once', () => {
    expect(run([events.adopted()], 10).map((e) => e.type)).toEqual([
      'DecisionDeadlineApproaching',
      'DecisionDeadlineApproaching',
      'DecisionDeadlineMissed',
      'DecisionEscalated',
    ]);
  });

  it('ignores a timer fired early, as the system alone, and a stale one for an old deadline', () => {
    const missed: DecisionCommand = {
      type: 'MarkDeadlineMissed',
      data: { decisionId: DECISION, due: '2023-12-31', dueAt: '2023-12-31T18:59:59.999Z' },
    };
    const given = decisionSpec.given([events.adopted()]);
    given.when(missed, ctx(actors.system, '2023-12-31T10:00:00.000Z')).thenNothing();
    given.when(missed, ctx(actors.director, '2024-01-01T00:00:00.000Z')).thenThrows('SYSTEM_ONLY');
    given
      .when(
        { ...missed, data: { ...missed.data, due: '2023-11-30' } },
        ctx(actors.system, '2024-01-01T00:00:00.000Z'),
      )
      .thenNothing();
    given.when(missed, ctx(actors.system, '2024-01-01T00:00:00.000Z')).then([
      {
        type: 'DecisionDeadlineMissed',
        data: { decisionId: DECISION, due: '2023-12-31', wording, responsible: lead },
      },
    ]);
  });
});

describe('open, in the course of the year', () => {
  it('gets its term check-ins, then falls due at the year’s end', () => {
    const timers = pendingDecisionTimers(fold([events.adopted({ deadline: wholeYear })]), policy);
    expect(timers.filter((t) => t.kind === 'check-in-missed').map((t) => t.command.data)).toEqual([
      { decisionId: DECISION, dueOn: '2023-10-31', dueAt: '2023-10-31T18:59:59.999Z' },
      { decisionId: DECISION, dueOn: '2023-12-31', dueAt: '2023-12-31T18:59:59.999Z' },
      { decisionId: DECISION, dueOn: '2024-03-31', dueAt: '2024-03-31T18:59:59.999Z' },
    ]);
    expect(timers[timers.length - 1]).toMatchObject({
      kind: 'deadline-missed',
      at: '2024-05-31T18:59:59.999Z',
    });
  });

  it('marks each check-in without a report as missed', () => {
    const produced = run([events.adopted({ deadline: wholeYear })], 20);
    expect(produced.filter((e) => e.type === 'CheckInMissed').map((e) => e.data)).toEqual(
      ['2023-10-31', '2023-12-31', '2024-03-31'].map((dueOn) => ({
        decisionId: DECISION,
        dueOn,
        wording,
        responsible: lead,
      })),
    );
  });

  it('does not wait for a check-in that was reported', () => {
    const reported: DecisionStreamEvent = {
      type: 'CheckInRecorded',
      data: { decisionId: DECISION, dueOn: '2023-10-31', note: 'Сделано', recordedOn: '2023-10-30' },
    };
    const timers = pendingDecisionTimers(fold([events.adopted({ deadline: wholeYear }), reported]), policy);
    expect(
      timers.some((t) => t.command.type === 'MarkCheckInMissed' && t.command.data.dueOn === '2023-10-31'),
    ).toBe(false);
  });
});

describe('open, standing', () => {
  it('is never overdue as a whole; each month’s missed check-in is an event of its own', () => {
    const produced = run([events.adopted({ deadline: standing })], 4);
    expect(produced.map((e) => [e.type, e.type === 'CheckInMissed' ? e.data.dueOn : ''])).toEqual([
      ['CheckInMissed', '2023-09-30'],
      ['CheckInMissed', '2023-10-31'],
      ['CheckInMissed', '2023-11-30'],
      ['CheckInMissed', '2023-12-31'],
    ]);
    const state = fold([events.adopted({ deadline: standing }), ...produced]);
    expect(state.status === 'open' && state.overdue).toBe(false);
  });
});

describe('open, entered after its deadline', () => {
  // Entered on 1 February 2024; due 31.12.2023. The workflow fires a past timer at once, on the entry day.
  const entered = events.adopted({ recordedOn: '2024-02-01' });
  const enteredAt = '2024-02-01T07:30:00.000Z';
  const late = { lateEntries: true };
  /** Fires the first pending timer as the system, at its instant or on entry if that is past, `limit` times. */
  const fire = (history: DecisionStreamEvent[], limit: number) => {
    const out = [...history];
    const fired: string[] = [];
    for (let i = 0; i < limit; i++) {
      const [next] = pendingDecisionTimers(fold(out), policy, late);
      if (!next) break;
      const at = next.at > enteredAt ? next.at : enteredAt;
      const produced = decideDecision(next.command, fold(out), ctx(actors.system, at));
      expect(produced.length).toBeGreaterThan(0);
      fired.push(at);
      out.push(...produced);
    }
    return { recorded: out.slice(history.length), fired };
  };

  it('is marked missed at once, for its deadline as written, then escalated the grace days after its entry', () => {
    expect(pendingDecisionTimers(fold([entered]), policy, late).map((t) => [t.kind, t.at])).toEqual([
      ['deadline-missed', '2023-12-31T18:59:59.999Z'],
    ]);
    const { recorded, fired } = fire([entered], 5);
    expect(recorded).toEqual([
      {
        type: 'DecisionDeadlineMissed',
        data: { decisionId: DECISION, due: '2023-12-31', wording, responsible: lead },
      },
      {
        type: 'DecisionEscalated',
        data: { decisionId: DECISION, due: '2023-12-31', wording, responsible: lead },
      },
    ]);
    // Missed on entry; escalated at the end of the third day after it, not at once for a deadline long past.
    expect(fired).toEqual([enteredAt, '2024-02-04T18:59:59.999Z']);
    const after = fold([entered, ...recorded]);
    expect(after.status === 'open' && after.overdue).toBe(true);
  });

  it('nobody is reminded of a deadline that had passed before it was entered', () => {
    expect(fire([entered], 5).recorded.map((e) => e.type)).not.toContain('DecisionDeadlineApproaching');
  });

  it('an extension to a day to come watches the new deadline as usual', () => {
    const { recorded } = fire([entered], 1);
    const extended: DecisionStreamEvent = {
      type: 'DecisionDeadlineChanged',
      data: {
        decisionId: DECISION,
        previous: adopted.deadline,
        deadline: { parsed: { kind: 'date', due: '2024-03-29' } },
        reason: 'Педсовет 15.02.2024 продлил срок',
        changedOn: '2024-02-15',
      },
    };
    expect(
      pendingDecisionTimers(fold([entered, ...recorded, extended]), policy, late).map((t) => [t.kind, t.at]),
    ).toEqual([
      ['reminder', '2024-03-22T04:00:00.000Z'],
      ['reminder', '2024-03-28T04:00:00.000Z'],
      ['deadline-missed', '2024-03-29T18:59:59.999Z'],
    ]);
  });

  it('a re-opened decision is not late for the deadline it met: it waits for a new one', () => {
    const reopened = fold([entered, events.executed('2023-12-20'), events.notEffective()]);
    expect(pendingDecisionTimers(reopened, policy, late)).toEqual([]);
  });

  it('an executed or withdrawn one waits for nothing', () => {
    expect(pendingDecisionTimers(fold([entered, events.executed()]), policy, late)).toEqual([]);
    expect(pendingDecisionTimers(fold([entered, events.withdrawn()]), policy, late)).toEqual([]);
  });

  it('in runs recorded before the patch, waits for nothing', () => {
    expect(pendingDecisionTimers(fold([entered]), policy)).toEqual([]);
  });

  it('keeps only the check-ins still to come', () => {
    const late = fold([events.adopted({ deadline: wholeYear, recordedOn: '2024-01-10' })]);
    expect(pendingDecisionTimers(late, policy).map((t) => [t.kind, t.command.data.dueAt])).toEqual([
      ['check-in-missed', '2024-03-31T18:59:59.999Z'],
      ['reminder', '2024-05-24T04:00:00.000Z'],
      ['reminder', '2024-05-30T04:00:00.000Z'],
      ['deadline-missed', '2024-05-31T18:59:59.999Z'],
    ]);
  });
});

describe('open, without a deadline', () => {
  it('waits for nothing', () => {
    expect(
      pendingDecisionTimers(fold([events.adopted({ deadline: { parsed: { kind: 'none' } } })]), policy),
    ).toEqual([]);
  });
});

describe('executed, reopened, withdrawn', () => {
  it('an executed or withdrawn decision waits for nothing; a re-opened one, once it has a new deadline', () => {
    expect(pendingDecisionTimers(fold([events.adopted(), events.executed()]), policy)).toEqual([]);
    expect(pendingDecisionTimers(fold([events.adopted(), events.withdrawn()]), policy)).toEqual([]);
    const reopened = [
      events.adopted(),
      events.missed(),
      events.executed('2024-01-10'),
      events.notEffective(),
    ];
    expect(pendingDecisionTimers(fold(reopened), policy)).toEqual([]);
    const newDeadline: DecisionStreamEvent = {
      type: 'DecisionDeadlineChanged',
      data: {
        decisionId: DECISION,
        previous: adopted.deadline,
        deadline: { parsed: { kind: 'date', due: '2024-03-29' } },
        reason: 'Педсовет 15.02.2024 назначил новый срок',
        changedOn: '2024-02-15',
      },
    };
    expect(pendingDecisionTimers(fold([...reopened, newDeadline]), policy).map((t) => t.kind)).toEqual([
      'reminder',
      'reminder',
      'deadline-missed',
    ]);
  });
});
