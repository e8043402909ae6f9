import type { RequestRecheck } from '../commands';
import {
  actors,
  ctx,
  events,
  history,
  PROCEDURE,
  procedureSpec,
  scheduledData,
  userCommands,
} from '../testing/fixtures';

const recheck = (over: Partial<RequestRecheck['data']> = {}): RequestRecheck => ({
  ...userCommands.recheck,
  data: { ...userCommands.recheck.data, ...over },
});
const child = {
  ...scheduledData,
  procedureId: 'p-vpr-4-recheck',
  title: 'Повторная проверка: ВПР по математике, 4 классы',
  window: { from: '2024-05-20', to: '2024-05-31' },
  parentProcedureId: PROCEDURE,
};

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('asks for a child procedure scheduled like the parent, for the decision', () => {
    given
      .when(recheck(), ctx(actors.ivanova))
      .then([{ type: 'RecheckRequested', data: { procedureId: PROCEDURE, decisionId: 'd-lessons', child } }]);
  });

  it('takes the child’s own title, responsible and academic year', () => {
    const responsible = { personId: 'petrov', name: 'Петров П. П.' };
    given
      .when(
        recheck({
          title: 'Контрольная работа по математике',
          responsible,
          academicYear: '2024/25',
          window: { from: '2024-09-16', to: '2024-09-27' },
        }),
        ctx(actors.deputy),
      )
      .then([
        {
          type: 'RecheckRequested',
          data: {
            procedureId: PROCEDURE,
            decisionId: 'd-lessons',
            child: {
              ...child,
              title: 'Контрольная работа по математике',
              responsible,
              academicYear: '2024/25',
              window: { from: '2024-09-16', to: '2024-09-27' },
            },
          },
        },
      ]);
  });

  it('is also asked for by an executed decision, to check its effect', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(recheck(), ctx(actors.ivanova))
      .then([{ type: 'RecheckRequested', data: { procedureId: PROCEDURE, decisionId: 'd-lessons', child } }]);
  });

  it('is not asked for by a cancelled decision', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(recheck(), ctx(actors.ivanova))
      .thenThrows('DECISION_ALREADY_CANCELLED');
  });

  it('refuses an unknown decision', () => {
    given.when(recheck({ decisionId: 'd-x' }), ctx(actors.ivanova)).thenThrows('DECISION_UNKNOWN');
  });

  it('needs a child id that is new', () => {
    given.when(recheck({ childProcedureId: '' }), ctx(actors.ivanova)).thenThrows('RECHECK_ID_REQUIRED');
    given
      .when(recheck({ childProcedureId: PROCEDURE }), ctx(actors.ivanova))
      .thenThrows('RECHECK_ID_DUPLICATE');
    const requested = {
      type: 'RecheckRequested',
      data: { procedureId: PROCEDURE, decisionId: 'd-parents', child },
    } as const;
    procedureSpec
      .given([...history.followingUp, requested])
      .when(recheck(), ctx(actors.ivanova))
      .thenThrows('RECHECK_ID_DUPLICATE');
  });

  it('needs a window in its academic year, after the meeting, not yet over', () => {
    given
      .when(recheck({ window: { from: '2024-07-20', to: '2024-08-10' } }), ctx(actors.ivanova))
      .thenThrows('WINDOW_OUTSIDE_ACADEMIC_YEAR');
    given
      .when(recheck({ window: { from: '2024-04-20', to: '2024-05-10' } }), ctx(actors.ivanova))
      .thenThrows('RECHECK_BEFORE_MEETING');
    given
      .when(recheck({ window: { from: '2024-04-26', to: '2024-04-29' } }), ctx(actors.ivanova))
      .thenThrows('WINDOW_ENDS_IN_PAST');
  });

  it('is asked for by the responsible or the administration only', () => {
    given.when(recheck(), ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('none, as the re-check', () => {
  it('is scheduled by the system from the request', () => {
    procedureSpec
      .given([])
      .when({ type: 'ScheduleProcedure', data: child }, ctx(actors.system))
      .then([{ type: 'ProcedureScheduled', data: child }]);
  });
});

describe('discussed', () => {
  it('has no decision to ask for a re-check yet', () => {
    procedureSpec
      .given(history.discussed)
      .when(recheck(), ctx(actors.ivanova))
      .thenThrows('STAGE_OUT_OF_ORDER');
  });
});
