import type { ReassignProcedure } from '../commands';
import { pendingTimers, timerPolicy } from '../timers';
import { actors, ctx, history, PROCEDURE, procedureSpec, scheduledData, ZONE } from '../testing/fixtures';

const successor = { personId: 'sokolova', role: 'methodist', name: 'Соколова Т. П.' };
const reassign = (over: Partial<ReassignProcedure['data']> = {}): ReassignProcedure => ({
  type: 'ReassignProcedure',
  data: { procedureId: PROCEDURE, responsible: successor, reason: 'Иванова И. И. уволилась', ...over },
});
const reassigned = {
  type: 'ProcedureReassigned',
  data: {
    procedureId: PROCEDURE,
    previous: scheduledData.responsible,
    responsible: successor,
    reason: 'Иванова И. И. уволилась',
  },
} as const;

describe('handing a procedure over', () => {
  it('gives an open procedure, at any stage, to another responsible with a reason', () => {
    for (const given of [history.scheduled, history.performed, history.followingUp]) {
      const state = procedureSpec.given(given).when(reassign(), ctx(actors.director)).then([reassigned]);
      expect(state.status !== 'none' && state.responsible).toEqual(successor);
    }
  });

  it('sends lateness and reminders to the new responsible', () => {
    const state = procedureSpec
      .given(history.scheduled)
      .when(reassign(), ctx(actors.deputy))
      .then([reassigned]);
    expect(pendingTimers(state, timerPolicy(ZONE)).length).toBeGreaterThan(0);
    expect(state.status === 'scheduled' && state.responsible.personId).toBe('sokolova');
  });

  it('is the administration’s act, needs a reason and a name, and records nothing for the same person', () => {
    const given = procedureSpec.given(history.scheduled);
    given.when(reassign(), ctx(actors.ivanova)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(reassign({ reason: '  ' }), ctx(actors.director)).thenThrows('REASON_REQUIRED');
    given
      .when(reassign({ responsible: { name: ' ' } }), ctx(actors.director))
      .thenThrows('RESPONSIBLE_REQUIRED');
    given.when(reassign({ responsible: scheduledData.responsible }), ctx(actors.director)).thenNothing();
  });

  it('does not change a closed or cancelled procedure', () => {
    procedureSpec.given(history.closed).when(reassign(), ctx(actors.director)).thenThrows('PROCEDURE_CLOSED');
    procedureSpec
      .given(history.cancelled)
      .when(reassign(), ctx(actors.director))
      .thenThrows('PROCEDURE_CANCELLED');
  });
});
