import type { ReassignProcedureDecision } from '../commands';
import type { ProcedureState } from '../state';
import { pendingTimers, timerPolicy } from '../timers';
import {
  actors,
  ctx,
  events,
  history,
  lessons,
  parents,
  PROCEDURE,
  procedureSpec,
  ZONE,
} from '../testing/fixtures';

const successor = { personId: 'sokolova', role: 'teacher', name: 'Соколова Т. П.' };
const reason = 'Петров П. П. уволился (приказ № 45-к)';
const reassign = (over: Partial<ReassignProcedureDecision['data']> = {}): ReassignProcedureDecision => ({
  type: 'ReassignProcedureDecision',
  data: { procedureId: PROCEDURE, decisionId: 'd-lessons', responsible: successor, reason, ...over },
});
const reassigned = {
  type: 'ProcedureDecisionReassigned',
  data: {
    procedureId: PROCEDURE,
    decisionId: 'd-lessons',
    previous: lessons.responsible,
    responsible: successor,
    reason,
  },
} as const;

const decisionOf = (state: ProcedureState, decisionId: string) =>
  state.status === 'following-up'
    ? state.followUp.decisions.find((d) => d.decisionId === decisionId)
    : undefined;

describe('following-up: handing over a decision kept on its procedure', () => {
  const given = procedureSpec.given(history.followingUp);

  it('gives an open decision to another responsible, with the reason, by the administration', () => {
    const state = given.when(reassign(), ctx(actors.director)).then([reassigned]);
    expect(decisionOf(state, 'd-lessons')?.responsible).toEqual(successor);
    expect(decisionOf(state, 'd-parents')?.responsible).toEqual(parents.responsible);
    given.when(reassign(), ctx(actors.deputy)).then([reassigned]);
  });

  it('sends the reminders and the lateness of that decision to the new responsible', () => {
    const state = procedureSpec
      .given([...history.followingUp, events.decisionOverdue(lessons)])
      .when(reassign(), ctx(actors.director))
      .then([reassigned]);
    expect(decisionOf(state, 'd-lessons')).toMatchObject({ responsible: successor, overdue: true });
    const forLessons = pendingTimers(state, timerPolicy(ZONE)).filter((t) => t.decisionId === 'd-lessons');
    expect(forLessons.length).toBeGreaterThan(0);
  });

  it('is the administration’s act: neither the decision’s responsible nor the procedure’s reassigns it', () => {
    given.when(reassign(), ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(reassign(), ctx(actors.ivanova)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(reassign(), ctx(actors.auditor)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs a reason and a name, and records nothing for the same responsible', () => {
    given.when(reassign({ reason: ' ' }), ctx(actors.director)).thenThrows('REASON_REQUIRED');
    given
      .when(reassign({ responsible: { name: '  ' } }), ctx(actors.director))
      .thenThrows('RESPONSIBLE_REQUIRED');
    given.when(reassign({ responsible: lessons.responsible }), ctx(actors.director)).thenNothing();
  });

  it('refuses a decision the procedure never adopted', () => {
    given.when(reassign({ decisionId: 'd-nope' }), ctx(actors.director)).thenThrows('DECISION_UNKNOWN');
  });
});

describe('following-up, decision resolved', () => {
  it('leaves an executed or cancelled decision with whoever answered for it', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(reassign(), ctx(actors.director))
      .thenThrows('DECISION_ALREADY_EXECUTED');
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(reassign(), ctx(actors.director))
      .thenThrows('DECISION_ALREADY_CANCELLED');
  });
});

describe('before follow-up, and after the end', () => {
  it('has no decisions to hand over', () => {
    procedureSpec
      .given(history.discussed)
      .when(reassign(), ctx(actors.director))
      .thenThrows('STAGE_OUT_OF_ORDER');
    procedureSpec.given(history.closed).when(reassign(), ctx(actors.director)).thenThrows('PROCEDURE_CLOSED');
    procedureSpec
      .given(history.cancelled)
      .when(reassign(), ctx(actors.director))
      .thenThrows('PROCEDURE_CANCELLED');
  });
});
