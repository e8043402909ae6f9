import type { DecisionCommand } from '../commands';
import { actors, adopted, ctx, DECISION, decisionSpec, history } from '../testing/fixtures';

const right =
  'Доработать и включить в Программу развития школы внутришкольную систему оценки качества образования с методикой оценки.';
const correct = (wording = right, reason = 'Опечатка в протоколе № 1'): DecisionCommand => ({
  type: 'CorrectDecisionWording',
  data: { decisionId: DECISION, wording, reason },
});
const corrected = {
  type: 'DecisionWordingCorrected',
  data: {
    decisionId: DECISION,
    previous: adopted.wording,
    wording: right,
    reason: 'Опечатка в протоколе № 1',
    correctedOn: '2023-09-15',
  },
} as const;

describe('open', () => {
  const given = decisionSpec.given(history.open);

  it('has its wording put right with a reason, keeping what the record said before', () => {
    const state = given.when(correct(), ctx(actors.director)).then([corrected]);
    expect(state.status === 'open' && state.wording).toBe(right);
  });

  it('is corrected by the administration only, with a reason and a wording', () => {
    given.when(correct(), ctx(actors.shmo)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(correct(), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(correct(right, '  '), ctx(actors.director)).thenThrows('REASON_REQUIRED');
    given.when(correct(''), ctx(actors.director)).thenThrows('DECISION_WORDING_REQUIRED');
  });

  it('records nothing when the wording is the same', () => {
    given.when(correct(adopted.wording), ctx(actors.director)).thenNothing();
  });

  it('is corrected only within its own school', () => {
    given.when(correct(), ctx(actors.director, undefined, 'school-2')).thenThrows('SCHOOL_MISMATCH');
  });
});

describe('executed and withdrawn', () => {
  it('are corrected too: a typo is one at any stage, and the status stays', () => {
    const executed = decisionSpec
      .given(history.executed)
      .when(correct(), ctx(actors.director))
      .then([corrected]);
    expect(executed.status).toBe('executed');
    const withdrawn = decisionSpec
      .given(history.withdrawn)
      .when(correct(), ctx(actors.director))
      .then([corrected]);
    expect(withdrawn.status).toBe('withdrawn');
  });
});

describe('none', () => {
  it('cannot be corrected before it is adopted', () => {
    decisionSpec.given(history.none).when(correct(), ctx(actors.director)).thenThrows('DECISION_NOT_FOUND');
  });
});
