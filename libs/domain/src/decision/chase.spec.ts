import { timerPolicy, type TimerPolicy } from '../procedure/timers';
import { DEFAULT_CHASE } from '../procedure/values';
import { RUSSIAN_CALENDAR_2025_26, workingDaysOf } from '../school/calendar';
import type { DecisionStreamEvent } from './events';
import { decideDecision } from './decide';
import { evolveDecision } from './evolve';
import { initialDecisionState } from './state';
import {
  actors,
  adopted as adoptedData,
  ctx,
  DECISION,
  decisionSpec,
  events,
  ZONE,
} from './testing/fixtures';
import { pendingDecisionTimers } from './timers';

/*
 * Seed 002's decision, due «до 3 ноября 2025»: 3 November is a transferred day off inside the autumn holidays
 * (27.10–04.11), 4 November a public holiday, so under the default policy it falls due on Wednesday 5 November.
 */
const chase = {
  preparationDaysBefore: DEFAULT_CHASE.preparationDaysBefore,
  escalation: DEFAULT_CHASE.escalation,
  repeatEveryDays: DEFAULT_CHASE.repeatEveryDays,
};
const calendarPolicy = timerPolicy(ZONE, { chase, workingDays: workingDaysOf([RUSSIAN_CALENDAR_2025_26]) });
const adopted = events.adopted({
  academicYear: '2025/26',
  recordedOn: '2025-09-15',
  deadline: { asWritten: 'до 3 ноября 2025', parsed: { kind: 'date', due: '2025-11-03' } },
});
const fold = (history: DecisionStreamEvent[]) => history.reduce(evolveDecision, initialDecisionState);
const dayIn = (instant: string) => new Date(Date.parse(instant) + 5 * 3_600_000).toISOString().slice(0, 10);

function run(history: DecisionStreamEvent[], policy: TimerPolicy, limit: number) {
  const out = [...history];
  const fired: string[] = [];
  for (let i = 0; i < limit; i++) {
    const [next] = pendingDecisionTimers(fold(out), policy);
    if (!next) break;
    const produced = decideDecision(next.command, fold(out), ctx(actors.system, next.at));
    expect(produced.length).toBeGreaterThan(0);
    fired.push(next.at);
    out.push(...produced);
  }
  return { recorded: out.slice(history.length), fired };
}

describe('an open decision due on a day off, at a school with a calendar', () => {
  it('falls due at the end of the next working day, 5 November, and is reminded on the last working day before the holidays', () => {
    const timers = pendingDecisionTimers(fold([adopted]), calendarPolicy);
    expect(timers.map((t) => [t.kind, dayIn(t.at)])).toEqual([
      ['reminder', '2025-10-24'],
      ['deadline-missed', '2025-11-05'],
    ]);
  });

  it('keeps the written deadline when the school keeps deadlines, and still reminds on a working day', () => {
    const keep = {
      ...calendarPolicy,
      workingDays: { ...calendarPolicy.workingDays!, policy: 'keep' as const },
    };
    const timers = pendingDecisionTimers(fold([adopted]), keep);
    expect(timers.map((t) => [t.kind, dayIn(t.at)])).toEqual([
      ['reminder', '2025-10-24'],
      ['deadline-missed', '2025-11-03'],
    ]);
  });

  it('is chased, after it is missed, up to the district inspector and then weekly, never on a day off', () => {
    const { recorded, fired } = run([adopted], calendarPolicy, 8);
    expect(recorded.map((e) => [e.type, 'to' in e.data ? e.data.to : undefined])).toEqual([
      ['DecisionDeadlineApproaching', undefined],
      ['DecisionDeadlineMissed', undefined],
      ['DecisionEscalated', 'responsible'],
      ['DecisionEscalated', 'deputy'],
      ['DecisionEscalated', 'director'],
      ['DecisionEscalated', 'inspector'],
      ['DecisionEscalated', 'inspector'],
      ['DecisionEscalated', 'inspector'],
    ]);
    expect(recorded[1].data).toMatchObject({ due: '2025-11-03', dueOn: '2025-11-05' });
    const days = workingDaysOf([RUSSIAN_CALENDAR_2025_26]);
    const chased = fired.map(dayIn);
    expect(chased).toEqual([
      '2025-10-24',
      '2025-11-05',
      '2025-11-06',
      '2025-11-10',
      '2025-11-10',
      '2025-11-17',
      '2025-11-24',
      '2025-12-01',
    ]);
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    expect(chased.filter((d) => weekend(d) && !days.workingWeekends.includes(d))).toEqual([]);
  });

  it('stops chasing once the decision is executed', () => {
    const { recorded } = run([adopted], calendarPolicy, 4);
    const executed: DecisionStreamEvent = {
      type: 'DecisionExecutionRecorded',
      data: { decisionId: DECISION, executedOn: '2025-11-11', evidenceIds: [] },
    };
    expect(pendingDecisionTimers(fold([adopted, ...recorded, executed]), calendarPolicy)).toEqual([]);
  });
});

describe('an overdue decision on a chain', () => {
  const missed = {
    type: 'DecisionDeadlineMissed' as const,
    data: {
      decisionId: DECISION,
      due: '2025-11-03',
      wording: adoptedData.wording,
      responsible: adoptedData.executors.lead,
    },
  };
  const escalate = (step: number, to: 'responsible' | 'deputy') => ({
    type: 'EscalateDecision' as const,
    data: { decisionId: DECISION, due: '2025-11-03', dueAt: '2025-11-06T04:00:00.000Z', step, to },
  });

  it('records a step once and in order; a repeated or skipped step records nothing', () => {
    const at = ctx(actors.system, '2025-11-06T04:00:00.000Z');
    decisionSpec
      .given([adopted, missed])
      .when(escalate(0, 'responsible'), at)
      .then([
        {
          type: 'DecisionEscalated',
          data: { ...missed.data, step: 0, to: 'responsible' },
        },
      ]);
    decisionSpec.given([adopted, missed]).when(escalate(1, 'deputy'), at).thenNothing();
    decisionSpec
      .given([
        adopted,
        missed,
        { type: 'DecisionEscalated', data: { ...missed.data, step: 0, to: 'responsible' } },
      ])
      .when(escalate(0, 'responsible'), at)
      .thenNothing();
  });

  it('refuses the record of a mail from anyone but the system', () => {
    decisionSpec
      .given([adopted])
      .when(
        {
          type: 'RecordDecisionNotification',
          data: {
            decisionId: DECISION,
            notificationId: 'n',
            aboutRevision: 1,
            aboutType: 'DecisionEscalated',
            channel: 'email',
            outcome: 'sent',
            recipient: 'director@school.test',
            attempt: 1,
          },
        },
        ctx(actors.director),
      )
      .thenThrows('SYSTEM_ONLY');
  });
});

describe('an open decision entered after its deadline, at a school with a calendar', () => {
  // Due «до 3 ноября 2025» (in force from 5 November), entered on Friday 14 November 2025 at 12:00 local time.
  const entered = events.adopted({
    academicYear: '2025/26',
    recordedOn: '2025-11-14',
    deadline: { asWritten: 'до 3 ноября 2025', parsed: { kind: 'date', due: '2025-11-03' } },
  });
  const enteredAt = '2025-11-14T07:00:00.000Z';

  it('is missed at once and chased along the chain from the day it was entered, on working days', () => {
    const out = [entered];
    const fired: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [next] = pendingDecisionTimers(fold(out), calendarPolicy, { lateEntries: true });
      if (!next) break;
      const at = next.at > enteredAt ? next.at : enteredAt;
      out.push(...decideDecision(next.command, fold(out), ctx(actors.system, at)));
      fired.push(at);
    }
    expect(out.slice(1).map((e) => [e.type, 'to' in e.data ? e.data.to : undefined])).toEqual([
      ['DecisionDeadlineMissed', undefined],
      ['DecisionEscalated', 'responsible'],
      ['DecisionEscalated', 'deputy'],
      ['DecisionEscalated', 'director'],
      ['DecisionEscalated', 'inspector'],
    ]);
    // Entry on Friday; the chain's 1, 3, 5 and 10 days after it, each moved off the weekend.
    expect(fired.map(dayIn)).toEqual(['2025-11-14', '2025-11-17', '2025-11-17', '2025-11-19', '2025-11-24']);
  });
});
