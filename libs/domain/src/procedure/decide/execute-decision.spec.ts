import type { ExecuteDecision } from '../commands';
import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';

const execute = (over: Partial<ExecuteDecision['data']> = {}): ExecuteDecision => ({
  ...userCommands.execute,
  data: { ...userCommands.execute.data, ...over },
});

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('records a decision executed, with its date and evidence, by the person answering for it', () => {
    given.when(execute(), ctx(actors.petrov)).then([events.executed('d-lessons')]);
  });

  it('records it for the administration too', () => {
    given.when(execute(), ctx(actors.director)).then([events.executed('d-lessons')]);
  });

  it('lets anyone holding the responsible role execute a decision given to that role', () => {
    given
      .when(execute({ decisionId: 'd-parents' }), ctx(actors.sidorova))
      .then([events.executed('d-parents')]);
  });

  it('is not executed by someone else, even the procedure’s responsible', () => {
    given.when(execute(), ctx(actors.sidorova)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(execute(), ctx(actors.ivanova)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('refuses an unknown decision', () => {
    given.when(execute({ decisionId: 'd-nope' }), ctx(actors.director)).thenThrows('DECISION_UNKNOWN');
  });

  it('keeps the document cited as evidence', () => {
    const evidence = {
      description: 'Проведены занятия',
      document: { title: 'Журнал занятий', reference: 'ЭЖ' },
    };
    given
      .when(execute({ evidence }), ctx(actors.petrov))
      .then([{ ...events.executed('d-lessons'), data: { ...events.executed('d-lessons').data, evidence } }]);
  });

  it('needs evidence', () => {
    given
      .when(execute({ evidence: { description: '' } }), ctx(actors.petrov))
      .thenThrows('EVIDENCE_REQUIRED');
  });

  it('is not dated before the meeting that adopted it, nor in the future', () => {
    given.when(execute({ executedOn: '2024-04-25' }), ctx(actors.petrov)).thenThrows('DATE_BEFORE_MEETING');
    given.when(execute({ executedOn: '2024-05-01' }), ctx(actors.petrov)).thenThrows('DATE_IN_FUTURE');
  });

  it('is executed late all the same', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionOverdue({ ...userCommands.adopt.data.decisions[0] })])
      .when(execute({ executedOn: '2024-06-03' }), ctx(actors.petrov, '2024-06-03T06:00:00.000Z'))
      .then([events.executed('d-lessons', '2024-06-03')]);
  });
});

describe('following-up, decision resolved', () => {
  it('does not execute a decision twice', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(execute(), ctx(actors.petrov))
      .thenThrows('DECISION_ALREADY_EXECUTED');
  });

  it('does not execute a cancelled decision', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(execute(), ctx(actors.petrov))
      .thenThrows('DECISION_ALREADY_CANCELLED');
  });
});

describe('discussed', () => {
  it('has no decision to execute yet', () => {
    procedureSpec
      .given(history.discussed)
      .when(execute(), ctx(actors.director))
      .thenThrows('STAGE_OUT_OF_ORDER');
  });
});
