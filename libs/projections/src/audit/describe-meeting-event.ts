import {
  MEETING_LEVEL_TITLES,
  MEETING_RECORD_FIELDS,
  meetingDateText,
  ruDate,
  type DecisionCorrectionField,
  type MeetingEvent,
} from '@vsoko/domain';

const RECORD_FIELDS: Record<string, string> = {
  date: 'дата',
  chair: 'председатель',
  secretary: 'секретарь',
  participants: 'присутствовали',
  minutes: '«слушали»',
};
const DECISION_FIELDS: Record<DecisionCorrectionField, string> = {
  wording: 'формулировка',
  deadline: 'срок',
  executors: 'ответственный',
};

/** One Russian sentence per event of a meeting's own stream: planned, its agenda, held, corrected, signed. */
export function describeMeetingEvent(event: { type: string; data: unknown }): string | undefined {
  const e = event as MeetingEvent;
  switch (e.type) {
    case 'MeetingPlanned': {
      const when = meetingDateText(e.data.date);
      return `Запланировано заседание: ${e.data.title ?? MEETING_LEVEL_TITLES[e.data.level]}${when ? `, ${when}` : ''}; вопросов в повестке: ${e.data.agenda.length}`;
    }
    case 'AgendaItemAdded':
      return `Повестка дополнена вопросом «${e.data.item.title}»: ${e.data.reason}`;
    case 'AgendaItemRemoved':
      return `Из повестки исключён вопрос ${e.data.itemId}: ${e.data.reason}`;
    case 'AgendaReordered':
      return `Изменён порядок вопросов повестки: ${e.data.reason}`;
    case 'MeetingHeld': {
      const when = meetingDateText(e.data.date);
      return `Заседание проведено${when ? ` ${when}` : ''}, протокол № ${e.data.protocolNumber}; присутствовали: ${e.data.participants.length}`;
    }
    case 'MeetingCorrected': {
      const what = [
        ...MEETING_RECORD_FIELDS.filter((f) => e.data.correction[f] !== undefined).map(
          (f) => RECORD_FIELDS[f],
        ),
        ...(e.data.decisions ?? []).map(
          (d) => `решение ${d.decisionId} (${d.fields.map((f) => DECISION_FIELDS[f]).join(', ')})`,
        ),
      ];
      return `Протокол исправлен${e.data.correctedOn ? ` ${ruDate(e.data.correctedOn)}` : ''}: ${what.join(', ')}. Причина: ${e.data.reason}`;
    }
    case 'ProtocolSigned':
      return `Протокол подписан ${ruDate(e.data.signedOn)}`;
    case 'MeetingCancelled':
      return `Заседание отменено: ${e.data.reason}`;
    default:
      return undefined;
  }
}
