import type { DecisionCommand } from '../commands';
import { actors, adopted, ctx, DECISION, decisionSpec, events, history, months } from '../testing/fixtures';
import type { Deadline, Executors } from '../values';

const successor: Executors = {
  lead: { personId: 'sokolova', role: 'deputy', name: 'Соколова Т. П.' },
  coExecutors: [],
};
const reassign = (
  executors = successor,
  reason = 'Виноградова В. А. в декретном отпуске',
): DecisionCommand => ({
  type: 'ReassignDecision',
  data: { decisionId: DECISION, executors, reason },
});
const later: Deadline = { asWritten: 'до 31.01.2024', parsed: { kind: 'date', due: '2024-01-31' } };
const change = (deadline = later, reason = 'Программа согласуется с учредителем'): DecisionCommand => ({
  type: 'ChangeDecisionDeadline',
  data: { decisionId: DECISION, deadline, reason },
});

describe('open', () => {
  const given = decisionSpec.given(history.open);

  it('is handed to another lead with a reason', () => {
    const state = given.when(reassign(), ctx(actors.director)).then([
      {
        type: 'DecisionReassigned',
        data: {
          decisionId: DECISION,
          previous: adopted.executors,
          executors: successor,
          reason: 'Виноградова В. А. в декретном отпуске',
        },
      },
    ]);
    expect(state.status === 'open' && state.executors.lead.name).toBe('Соколова Т. П.');
  });

  it('is reassigned by the administration only, with a reason; to the same people, nothing happens', () => {
    given.when(reassign(), ctx(actors.shmo)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(reassign(successor, ''), ctx(actors.director)).thenThrows('REASON_REQUIRED');
    given.when(reassign(adopted.executors), ctx(actors.director)).thenNothing();
  });

  it('gets a new deadline with a reason, and its reminders start from the day of the change', () => {
    const state = given.when(change(), ctx(actors.director)).then([
      {
        type: 'DecisionDeadlineChanged',
        data: {
          decisionId: DECISION,
          previous: months,
          deadline: later,
          reason: 'Программа согласуется с учредителем',
          changedOn: '2023-09-15',
        },
      },
    ]);
    expect(state.status === 'open' && state.remindFrom).toBe('2023-09-15');
  });

  it('checks the new deadline like the first one', () => {
    given
      .when(change({ parsed: { kind: 'date', due: '2023-07-01' } }), ctx(actors.director))
      .thenThrows('DEADLINE_BEFORE_ADOPTION');
    given.when(change(later, ''), ctx(actors.director)).thenThrows('REASON_REQUIRED');
  });

  it('is not moved by a co-executor: the administration sets deadlines', () => {
    given.when(change(), ctx(actors.shmo)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('open, overdue', () => {
  it('is watched afresh after a new deadline', () => {
    const state = decisionSpec
      .given([...history.open, events.missed()])
      .when(change(), ctx(actors.director, '2024-01-05T06:00:00.000Z'))
      .then([
        {
          type: 'DecisionDeadlineChanged',
          data: {
            decisionId: DECISION,
            previous: months,
            deadline: later,
            reason: 'Программа согласуется с учредителем',
            changedOn: '2024-01-05',
          },
        },
      ]);
    expect(state.status === 'open' && state.overdue).toBe(false);
  });
});

describe('executed', () => {
  it('keeps its people and deadline', () => {
    decisionSpec
      .given(history.executed)
      .when(reassign(), ctx(actors.director))
      .thenThrows('DECISION_ALREADY_EXECUTED');
    decisionSpec
      .given(history.executed)
      .when(change(), ctx(actors.director))
      .thenThrows('DECISION_ALREADY_EXECUTED');
  });
});
