import { decide } from './decide';
import { evolve } from './evolve';
import type { ProcedureEvent } from './events';
import { initialState, type ProcedureState } from './state';
import { actors, ctx, events, history, lessons, parents, PROCEDURE, ZONE } from './testing/fixtures';
import { pendingTimers, timerPolicy, type PendingTimer } from './timers';

const fold = (given: ProcedureEvent[]): ProcedureState => given.reduce(evolve, initialState);
const summary = (timers: PendingTimer[]) =>
  timers.map((t) => [t.kind, t.at, t.decisionId ?? t.stage, t.daysBefore]);
const policy = timerPolicy(ZONE);

describe('none, closed and cancelled', () => {
  it('wait for nothing', () => {
    expect(pendingTimers(initialState, policy)).toEqual([]);
    expect(pendingTimers(fold(history.closed), policy)).toEqual([]);
    expect(pendingTimers(fold([...history.followingUp, events.cancelled('following-up')]), policy)).toEqual(
      [],
    );
  });
});

describe('scheduled after its window had ended, kept as overdue (a plan approved mid-year)', () => {
  const watchFrom = '2024-05-10T06:00:00.000Z';
  const imported = [events.scheduled({ watchFrom })];

  it('is marked late only from the instant it is watched from, not at once', () => {
    expect(summary(pendingTimers(fold(imported), policy))).toEqual([
      ['stage-overdue', watchFrom, 'performance', undefined],
    ]);
    expect(pendingTimers(fold(imported), policy)[0].command).toMatchObject({
      type: 'MarkStageOverdue',
      data: { dueDate: '2024-04-26', dueAt: watchFrom },
    });
  });

  it('is escalated a grace period after that instant, not after its long-past window', () => {
    const late = fold([...imported, events.stageOverdue()]);
    expect(summary(pendingTimers(late, policy))).toEqual([
      ['escalation', '2024-05-13T06:00:00.000Z', 'performance', undefined],
    ]);
  });

  it('keeps its own deadlines when watched from before they fall due', () => {
    const early = fold([events.scheduled({ watchFrom: '2024-04-01T06:00:00.000Z' })]);
    expect(summary(pendingTimers(early, policy))).toEqual([
      ['stage-overdue', '2024-04-26T18:59:59.999Z', 'performance', undefined],
    ]);
  });
});

describe('scheduled', () => {
  it('falls due at the end of its window’s last day in the school’s zone', () => {
    expect(pendingTimers(fold(history.scheduled), policy)).toEqual([
      {
        kind: 'stage-overdue',
        at: '2024-04-26T18:59:59.999Z',
        stage: 'performance',
        command: {
          type: 'MarkStageOverdue',
          data: {
            procedureId: PROCEDURE,
            stage: 'performance',
            dueDate: '2024-04-26',
            dueAt: '2024-04-26T18:59:59.999Z',
          },
        },
      },
    ]);
  });

  it('once late, is escalated after the grace period, then waits for nothing', () => {
    const late = fold([...history.scheduled, events.stageOverdue()]);
    expect(pendingTimers(late, policy)).toEqual([
      {
        kind: 'escalation',
        at: '2024-04-29T18:59:59.999Z',
        stage: 'performance',
        command: {
          type: 'EscalateToDirector',
          data: {
            procedureId: PROCEDURE,
            subject: { kind: 'stage', stage: 'performance', dueDate: '2024-04-26' },
            dueAt: '2024-04-29T18:59:59.999Z',
          },
        },
      },
    ]);
    const escalated = evolve(late, {
      type: 'EscalatedToDirector',
      data: {
        procedureId: PROCEDURE,
        subject: { kind: 'stage', stage: 'performance', dueDate: '2024-04-26' },
        responsible: lessons.responsible,
      },
    });
    expect(pendingTimers(escalated, policy)).toEqual([]);
  });

  it('uses the school’s grace period', () => {
    const late = fold([...history.scheduled, events.stageOverdue()]);
    expect(summary(pendingTimers(late, timerPolicy(ZONE, { escalationGraceDays: 0 })))).toEqual([
      ['escalation', '2024-04-26T18:59:59.999Z', 'performance', undefined],
    ]);
  });
});

describe('performed, analysed and discussed', () => {
  it('are not watched unless the school gives the stage a due date', () => {
    expect(pendingTimers(fold(history.performed), policy)).toEqual([]);
    expect(pendingTimers(fold(history.analysed), policy)).toEqual([]);
    expect(pendingTimers(fold(history.discussed), policy)).toEqual([]);
  });

  it('fall due a set number of days after the previous stage', () => {
    const watched = timerPolicy(ZONE, { stageDueDays: { analysis: 7, discussion: 14, decision: 2 } });
    expect(summary(pendingTimers(fold(history.performed), watched))).toEqual([
      ['stage-overdue', '2024-04-23T18:59:59.999Z', 'analysis', undefined],
    ]);
    expect(summary(pendingTimers(fold(history.analysed), watched))).toEqual([
      ['stage-overdue', '2024-05-06T18:59:59.999Z', 'discussion', undefined],
    ]);
    expect(summary(pendingTimers(fold(history.discussed), watched))).toEqual([
      ['stage-overdue', '2024-04-28T18:59:59.999Z', 'decision', undefined],
    ]);
  });
});

describe('following-up', () => {
  it('reminds 7 and 1 days before each deadline at 09:00, and marks it overdue at the end of the day, earliest first', () => {
    expect(summary(pendingTimers(fold(history.followingUp), policy))).toEqual([
      ['decision-reminder', '2024-05-08T04:00:00.000Z', 'd-parents', 7],
      ['decision-reminder', '2024-05-14T04:00:00.000Z', 'd-parents', 1],
      ['decision-overdue', '2024-05-15T18:59:59.999Z', 'd-parents', undefined],
      ['decision-reminder', '2024-05-24T04:00:00.000Z', 'd-lessons', 7],
      ['decision-reminder', '2024-05-30T04:00:00.000Z', 'd-lessons', 1],
      ['decision-overdue', '2024-05-31T18:59:59.999Z', 'd-lessons', undefined],
    ]);
  });

  it('gives each timer the command the workflow fires', () => {
    const [first] = pendingTimers(fold(history.followingUp), policy);
    expect(first.command).toEqual({
      type: 'RemindOfDecision',
      data: {
        procedureId: PROCEDURE,
        decisionId: 'd-parents',
        deadline: '2024-05-15',
        daysBefore: 7,
        dueAt: '2024-05-08T04:00:00.000Z',
      },
    });
  });

  it('skips reminders that would fall before the decision was entered', () => {
    const soon = { ...parents, deadline: '2024-05-02' };
    const state = fold([...history.discussed, events.adopted([soon], '2024-04-30')]);
    expect(summary(pendingTimers(state, policy))).toEqual([
      ['decision-reminder', '2024-05-01T04:00:00.000Z', 'd-parents', 1],
      ['decision-overdue', '2024-05-02T18:59:59.999Z', 'd-parents', undefined],
    ]);
  });

  it('forgets reminders already sent and decisions resolved', () => {
    const state = fold([
      ...history.followingUp,
      events.executed('d-parents'),
      {
        type: 'DecisionReminderDue',
        data: { ...lessons, procedureId: PROCEDURE, daysBefore: 7 },
      },
    ]);
    expect(summary(pendingTimers(state, policy))).toEqual([
      ['decision-reminder', '2024-05-30T04:00:00.000Z', 'd-lessons', 1],
      ['decision-overdue', '2024-05-31T18:59:59.999Z', 'd-lessons', undefined],
    ]);
  });

  it('waits only for the escalation of an overdue decision', () => {
    const state = fold([
      ...history.followingUp,
      events.decisionCancelled('d-parents'),
      events.decisionOverdue(lessons),
    ]);
    expect(summary(pendingTimers(state, policy))).toEqual([
      ['escalation', '2024-06-03T18:59:59.999Z', 'd-lessons', undefined],
    ]);
  });

  it('follows the school’s own reminder days and time, ignoring values that are not whole days', () => {
    const own = timerPolicy(ZONE, { reminderDaysBefore: [3, 14, 3, -1, 1.5, 0], reminderTime: '08:30' });
    const state = fold([...history.followingUp, events.decisionCancelled('d-parents')]);
    expect(summary(pendingTimers(state, own))).toEqual([
      ['decision-reminder', '2024-05-17T03:30:00.000Z', 'd-lessons', 14],
      ['decision-reminder', '2024-05-28T03:30:00.000Z', 'd-lessons', 3],
      ['decision-reminder', '2024-05-31T03:30:00.000Z', 'd-lessons', 0],
      ['decision-overdue', '2024-05-31T18:59:59.999Z', 'd-lessons', undefined],
    ]);
  });

  it('counts in a zone with summer time, and falls back to the procedure’s zone for an unknown one', () => {
    const state = fold([...history.discussed, events.adopted([{ ...lessons, deadline: '2024-10-27' }])]);
    const berlin = pendingTimers(state, timerPolicy('Europe/Berlin', { reminderDaysBefore: [1] }));
    expect(summary(berlin)).toEqual([
      ['decision-reminder', '2024-10-26T07:00:00.000Z', 'd-lessons', 1],
      ['decision-overdue', '2024-10-27T22:59:59.999Z', 'd-lessons', undefined],
    ]);
    const unknown = pendingTimers(state, timerPolicy('Mars/Olympus', { reminderDaysBefore: [] }));
    expect(summary(unknown)).toEqual([
      ['decision-overdue', '2024-10-27T18:59:59.999Z', 'd-lessons', undefined],
    ]);
  });

  it('moves on when the workflow fires the first timer at its instant', () => {
    let state = fold(history.followingUp);
    const fired: string[] = [];
    for (let next = pendingTimers(state, policy)[0]; next; next = pendingTimers(state, policy)[0]) {
      const produced = decide(next.command, state, ctx(actors.system, next.at));
      expect(produced).not.toEqual([]);
      state = produced.reduce(evolve, state);
      fired.push(`${next.kind}:${next.decisionId}`);
    }
    expect(fired).toEqual([
      'decision-reminder:d-parents',
      'decision-reminder:d-parents',
      'decision-overdue:d-parents',
      'escalation:d-parents',
      'decision-reminder:d-lessons',
      'decision-reminder:d-lessons',
      'decision-overdue:d-lessons',
      'escalation:d-lessons',
    ]);
  });
});
