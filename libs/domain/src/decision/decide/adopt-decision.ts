import { isTimeZone, type CommandContext } from '../../shared';
import { academicYearBounds, isIsoDate } from '../../procedure/calendar';
import { requireText, schoolToday } from '../../procedure/rules';
import { MEETING_LEVELS } from '../../procedure/values';
import { earliestDayOf } from '../../meeting/values';
import type { AdoptDecision } from '../commands';
import type { DecisionStreamEvent } from '../events';
import {
  fail,
  requireAdministration,
  requireDecisionDeadline,
  requireExecutors,
  requireScope,
} from '../rules';
import type { DecisionState } from '../state';
import type { AdoptedBy } from '../values';

/**
 * A decision adopted at a meeting (or by the director's order): its wording as the protocol has it, who
 * answers for it, what it covers, its deadline as written and parsed, whether it needs evidence.
 */
export function adoptDecision(
  command: AdoptDecision,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const d = command.data;
  const decisionId = requireText(d.decisionId, 'DECISION_ID_REQUIRED', 'У решения нет идентификатора');
  if (state.status !== 'none')
    fail('DECISION_ALREADY_ADOPTED', `Решение ${decisionId} уже принято`, { decisionId });
  if (ctx.schoolId !== d.schoolId) fail('SCHOOL_MISMATCH', 'Решение записывается в другую школу');
  requireAdministration(ctx, 'Записать принятое решение');
  if (!academicYearBounds(String(d.academicYear)))
    fail('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
  if (!Number.isInteger(d.number) || d.number < 1)
    fail('DECISION_NUMBER_INVALID', 'Номер решения в протоколе — целое число от 1');
  if (!isTimeZone(String(d.timeZone)))
    fail('TIME_ZONE_INVALID', `Часовой пояс «${String(d.timeZone)}» неизвестен`);
  const adoptedBy = requireAdoptedBy(d.adoptedBy);
  const procedureIds = Array.isArray(d.procedureIds)
    ? d.procedureIds.map((id) => requireText(id, 'PROCEDURE_ID_INVALID', 'Пустой идентификатор процедуры'))
    : [];
  if (new Set(procedureIds).size !== procedureIds.length)
    fail('PROCEDURE_ID_INVALID', 'Процедура указана дважды');
  const earliest = adoptedBy.kind === 'meeting' ? earliestDayOf(adoptedBy.date) : adoptedBy.date;
  return [
    {
      type: 'DecisionAdopted',
      data: {
        decisionId,
        schoolId: d.schoolId,
        academicYear: d.academicYear,
        number: d.number,
        wording: requireText(d.wording, 'DECISION_WORDING_REQUIRED', 'Сформулируйте решение'),
        adoptedBy,
        procedureIds,
        executors: requireExecutors(d.executors),
        scope: requireScope(d.scope),
        deadline: requireDecisionDeadline(d.deadline, earliest),
        evidenceRequired: d.evidenceRequired === true,
        timeZone: d.timeZone,
        recordedOn: schoolToday(ctx, d.timeZone),
      },
    },
  ];
}

function requireAdoptedBy(value: AdoptedBy | undefined): AdoptedBy {
  if (value?.kind === 'meeting') {
    const meetingId = requireText(
      value.meetingId,
      'ADOPTED_BY_INVALID',
      'Не указано заседание, принявшее решение',
    );
    if (!(MEETING_LEVELS as readonly string[]).includes(value.level))
      fail('MEETING_LEVEL_UNKNOWN', 'Уровень заседания не из списка');
    const { date, protocolNumber } = value;
    return {
      kind: 'meeting',
      meetingId,
      level: value.level,
      date,
      ...(protocolNumber !== undefined ? { protocolNumber } : {}),
    };
  }
  if (value?.kind === 'order') {
    const orderNumber = requireText(value.orderNumber, 'ADOPTED_BY_INVALID', 'Укажите номер приказа');
    if (!isIsoDate(String(value.date))) fail('ADOPTED_BY_INVALID', 'Дата приказа — ГГГГ-ММ-ДД');
    return { kind: 'order', orderNumber, date: value.date };
  }
  return fail('ADOPTED_BY_INVALID', 'Решение принимается на заседании или приказом директора');
}
