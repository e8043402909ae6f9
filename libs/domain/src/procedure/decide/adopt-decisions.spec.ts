import type { AdoptDecisions } from '../commands';
import type { AdoptedDecision } from '../events';
import {
  actors,
  ctx,
  events,
  history,
  lessons,
  parents,
  PROCEDURE,
  procedureSpec,
  userCommands,
} from '../testing/fixtures';

const adopt = (decisions: AdoptedDecision[]): AdoptDecisions => ({
  type: 'AdoptDecisions',
  data: { procedureId: PROCEDURE, decisions },
});
const later = (over: Partial<AdoptedDecision>): AdoptedDecision => ({
  decisionId: 'd-plan',
  wording: 'Скорректировать план внутришкольного контроля',
  deadline: '2024-09-30',
  responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
  ...over,
});
/** 30.04.2024 is the day the decisions are entered. */
const adopted = (decisions: AdoptedDecision[]) => events.adopted(decisions, '2024-04-30');

describe('discussed', () => {
  const given = procedureSpec.given(history.discussed);

  it('adopts the meeting’s decisions, each with wording, deadline and responsible', () => {
    given.when(userCommands.adopt, ctx(actors.ivanova)).then([adopted([lessons, parents])]);
  });

  it('is given decisions by the responsible or the administration only', () => {
    given.when(userCommands.adopt, ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs at least one decision', () => {
    given.when(adopt([]), ctx(actors.ivanova)).thenThrows('DECISIONS_REQUIRED');
  });

  it('refuses the same decision id twice', () => {
    given
      .when(adopt([lessons, { ...parents, decisionId: 'd-lessons' }]), ctx(actors.ivanova))
      .thenThrows('DECISION_ID_DUPLICATE');
  });

  it('needs an id, a wording and a responsible for each decision', () => {
    given.when(adopt([later({ decisionId: '' })]), ctx(actors.ivanova)).thenThrows('DECISION_ID_REQUIRED');
    given.when(adopt([later({ wording: ' ' })]), ctx(actors.ivanova)).thenThrows('DECISION_WORDING_REQUIRED');
    given
      .when(adopt([later({ responsible: { name: '' } })]), ctx(actors.ivanova))
      .thenThrows('RESPONSIBLE_REQUIRED');
  });

  it('needs deadlines that are dates, not before the meeting', () => {
    given
      .when(adopt([later({ deadline: 'в течение года' })]), ctx(actors.ivanova))
      .thenThrows('DATE_INVALID');
    given
      .when(adopt([later({ deadline: '2024-04-25' })]), ctx(actors.ivanova))
      .thenThrows('DEADLINE_BEFORE_MEETING');
  });

  it('accepts a deadline on the day of the meeting and up to two years after it', () => {
    const bounds = [
      later({ deadline: '2024-04-26' }),
      later({ decisionId: 'd-program', deadline: '2026-04-26' }),
    ];
    given.when(adopt(bounds), ctx(actors.ivanova)).then([adopted(bounds)]);
    given
      .when(adopt([later({ deadline: '2026-04-27' })]), ctx(actors.ivanova))
      .thenThrows('DEADLINE_TOO_FAR');
  });
});

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('adds a decision left out of the first entry', () => {
    given.when(adopt([later({})]), ctx(actors.deputy)).then([adopted([later({})])]);
  });

  it('refuses an id already used in the procedure', () => {
    const error = given
      .when(adopt([later({ decisionId: 'd-parents' })]), ctx(actors.deputy))
      .thenThrows('DECISION_ID_DUPLICATE');
    expect(error.details).toEqual({ decisionId: 'd-parents' });
  });

  it('takes decisions after the results were first noted without one', () => {
    procedureSpec
      .given(history.noted)
      .when(adopt([later({})]), ctx(actors.deputy))
      .then([adopted([later({})])]);
  });

  it('is not noted without decision any more', () => {
    given.when(userCommands.note, ctx(actors.ivanova)).thenThrows('STAGE_ALREADY_DONE');
  });
});

describe('analysed', () => {
  it('has no decisions before its results are discussed', () => {
    procedureSpec
      .given(history.analysed)
      .when(userCommands.adopt, ctx(actors.ivanova))
      .thenThrows('STAGE_OUT_OF_ORDER');
    procedureSpec
      .given(history.analysed)
      .when(userCommands.note, ctx(actors.ivanova))
      .thenThrows('STAGE_OUT_OF_ORDER');
  });
});

describe('discussed, noted without decision', () => {
  const given = procedureSpec.given(history.discussed);

  it('records that the meeting took the results into account', () => {
    given.when(userCommands.note, ctx(actors.ivanova)).then([events.noted()]);
  });

  it('keeps the meeting’s remark', () => {
    given
      .when(
        { ...userCommands.note, data: { procedureId: PROCEDURE, note: 'Принять к сведению' } },
        ctx(actors.ivanova),
      )
      .then([{ ...events.noted(), data: { ...events.noted().data, note: 'Принять к сведению' } }]);
  });

  it('is noted by the responsible or the administration only', () => {
    given.when(userCommands.note, ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});
