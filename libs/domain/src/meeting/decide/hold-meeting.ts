import type { CommandContext } from '../../shared';
import { requireResponsible, requireText, schoolToday } from '../../procedure/rules';
import type { Responsible } from '../../procedure/values';
import type { HoldMeeting } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireMeetingDate, requireNotInFuture } from '../rules';
import type { MeetingState, PlannedMeeting } from '../state';
import type { MeetingRecord, MinutesItem } from '../values';

/**
 * The meeting took place: its date (a day, or the month the paper gives), who chaired, who kept the protocol,
 * who was there, and per agenda item what was heard and which decisions were adopted.
 */
export function holdMeeting(command: HoldMeeting, state: MeetingState, ctx: CommandContext): MeetingEvent[] {
  const { meetingId, protocolNumber } = command.data;
  const planned = meetingStep(state, meetingId, ctx, ['planned'], 'Отметить заседание проведённым');
  if (!Number.isInteger(protocolNumber) || protocolNumber < 1) {
    fail('PROTOCOL_NUMBER_INVALID', 'Номер протокола — целое число от 1');
  }
  const record = requireRecord(command.data, planned);
  requireNotInFuture(record.date, schoolToday(ctx, planned.timeZone));
  return [
    {
      type: 'MeetingHeld',
      data: { meetingId, protocolNumber, recordedOn: schoolToday(ctx, planned.timeZone), ...record },
    },
  ];
}

export function requireRecord(
  value: Partial<MeetingRecord>,
  meeting: PlannedMeeting | Omit<PlannedMeeting, 'status'>,
): MeetingRecord {
  const chair = value.chair ?? meeting.chair;
  const secretary = value.secretary ?? meeting.secretary;
  return {
    date: requireMeetingDate(value.date ?? meeting.date, meeting.academicYear),
    ...(chair ? { chair: requireResponsible(chair, 'CHAIR_INVALID', 'Укажите председателя по имени') } : {}),
    ...(secretary
      ? { secretary: requireResponsible(secretary, 'SECRETARY_INVALID', 'Укажите секретаря по имени') }
      : {}),
    participants: requireParticipants(value.participants),
    minutes: requireMinutes(
      value.minutes,
      meeting.agenda.map((i) => i.itemId),
    ),
  };
}

export function requireParticipants(value: Responsible[] | undefined): Responsible[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('PARTICIPANTS_INVALID', 'Участники — список людей или должностей');
  return value.map((p, i) =>
    requireResponsible(p, 'PARTICIPANTS_INVALID', `Участник №${i + 1}: укажите имя`),
  );
}

/** Minutes speak only of the agenda's items, each once. */
export function requireMinutes(value: MinutesItem[] | undefined, agenda: readonly string[]): MinutesItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('MINUTES_INVALID', 'Протокол — список вопросов повестки');
  const seen = new Set<string>();
  return value.map((m, i) => {
    const itemId = requireText(m?.itemId, 'MINUTES_INVALID', `Запись протокола №${i + 1}: не указан вопрос`);
    if (!agenda.includes(itemId)) {
      fail('AGENDA_ITEM_UNKNOWN', `Вопроса ${itemId} в повестке нет: сначала дополните повестку`, { itemId });
    }
    if (seen.has(itemId)) fail('MINUTES_INVALID', `Вопрос ${itemId} записан в протоколе дважды`);
    seen.add(itemId);
    const decisionIds = Array.isArray(m.decisionIds)
      ? m.decisionIds.map((id) =>
          requireText(id, 'MINUTES_INVALID', `Вопрос ${itemId}: пустой идентификатор решения`),
        )
      : [];
    return {
      itemId,
      heard: requireText(m.heard, 'MINUTES_HEARD_REQUIRED', `Вопрос ${itemId}: что слушали?`),
      decisionIds,
    };
  });
}
