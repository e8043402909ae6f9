import type { CommandContext } from '../../shared';
import type { RequestRecheck } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  fail,
  findDecision,
  procedureStep,
  requireNotBefore,
  requireResponsible,
  requireText,
  requireWindow,
  ruDate,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

/**
 * A decision such as «провести повторную диагностику в марте» asks for a child procedure. The event carries
 * the child's full schedule; the workflow schedules it as the system actor.
 */
export function requestRecheck(
  command: RequestRecheck,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId } = command.data;
  const following = procedureStep(state, procedureId, ctx, ['following-up'], 'Назначить повторную проверку');
  const decision = findDecision(following, decisionId);
  if (decision.status === 'cancelled') {
    fail(
      'DECISION_ALREADY_CANCELLED',
      `Решение «${decision.wording}» отменено: повторная проверка по нему не нужна`,
      {
        decisionId,
      },
    );
  }
  const childProcedureId = requireText(
    command.data.childProcedureId,
    'RECHECK_ID_REQUIRED',
    'Укажите идентификатор повторной процедуры',
  );
  if (
    childProcedureId === procedureId ||
    following.followUp.rechecks.some((r) => r.childProcedureId === childProcedureId)
  ) {
    fail('RECHECK_ID_DUPLICATE', `Идентификатор ${childProcedureId} уже занят этой процедурой`, {
      childProcedureId,
    });
  }
  const academicYear = command.data.academicYear ?? following.academicYear;
  const window = requireWindow(command.data.window, academicYear);
  requireNotBefore(
    window.from,
    following.discussion.heldOn,
    'RECHECK_BEFORE_MEETING',
    'Повторная проверка не может начаться раньше заседания, назначившего её',
  );
  const today = schoolToday(ctx, following.timeZone);
  if (window.to < today) {
    fail('WINDOW_ENDS_IN_PAST', `Срок повторной проверки закончился бы в прошлом: сегодня ${ruDate(today)}`);
  }
  const responsible =
    command.data.responsible === undefined
      ? following.responsible
      : requireResponsible(
          command.data.responsible,
          'RESPONSIBLE_REQUIRED',
          'Укажите ответственного за проверку',
        );
  const title =
    command.data.title === undefined
      ? `Повторная проверка: ${following.title}`
      : requireText(command.data.title, 'TITLE_REQUIRED', 'Укажите название повторной проверки');
  const { schoolId, direction, indicator, object, method, resultForm, timeZone } = following;
  return [
    {
      type: 'RecheckRequested',
      data: {
        procedureId,
        decisionId,
        child: {
          procedureId: childProcedureId,
          schoolId,
          academicYear,
          title,
          direction,
          ...(indicator === undefined ? {} : { indicator }),
          ...(object === undefined ? {} : { object }),
          ...(method === undefined ? {} : { method }),
          ...(resultForm === undefined ? {} : { resultForm }),
          responsible,
          window,
          timeZone,
          parentProcedureId: procedureId,
        },
      },
    },
  ];
}
