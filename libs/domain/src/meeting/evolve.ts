import { assertNever } from '../shared';
import type { MeetingCorrected, MeetingEvent } from './events';
import type { MeetingState } from './state';
import { MEETING_RECORD_FIELDS, type MeetingCorrectionEntry } from './values';

/** Trusts the event (decide checked the rules): an event that does not fit the state leaves it unchanged. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingPlanned':
      return { status: 'planned', ...event.data };
    case 'AgendaItemAdded': {
      if (state.status !== 'planned') return state;
      const agenda = [...state.agenda];
      agenda.splice(event.data.position, 0, event.data.item);
      return { ...state, agenda };
    }
    case 'AgendaItemRemoved':
      if (state.status !== 'planned') return state;
      return { ...state, agenda: state.agenda.filter((i) => i.itemId !== event.data.itemId) };
    case 'AgendaReordered': {
      if (state.status !== 'planned') return state;
      const byId = new Map(state.agenda.map((i) => [i.itemId, i]));
      const agenda = event.data.order.flatMap((id) => byId.get(id) ?? []);
      return { ...state, agenda };
    }
    case 'MeetingHeld': {
      if (state.status !== 'planned') return state;
      const { date, chair, secretary, participants, minutes } = event.data;
      return {
        ...state,
        status: 'held',
        protocolNumber: event.data.protocolNumber,
        record: {
          date,
          ...(chair ? { chair } : {}),
          ...(secretary ? { secretary } : {}),
          participants,
          minutes,
        },
        corrections: [],
      };
    }
    case 'MeetingCorrected':
      if (state.status !== 'held' && state.status !== 'signed') return state;
      return {
        ...state,
        record: { ...state.record, ...event.data.correction },
        corrections: [...state.corrections, correctionEntry(event.data)],
      };
    case 'ProtocolSigned':
      if (state.status !== 'held') return state;
      return { ...state, status: 'signed', signedOn: event.data.signedOn };
    case 'MeetingCancelled':
      if (state.status !== 'planned') return state;
      return { ...state, status: 'cancelled', cancellationReason: event.data.reason };
    default:
      return assertNever(event);
  }
}

function correctionEntry(data: MeetingCorrected['data']): MeetingCorrectionEntry {
  return {
    // The log may keep an event's keys in another order: the protocol's order is the record's.
    fields: MEETING_RECORD_FIELDS.filter((f) => data.correction[f] !== undefined),
    reason: data.reason,
    ...(data.correctedOn !== undefined ? { correctedOn: data.correctedOn } : {}),
    ...(data.decisions !== undefined && data.decisions.length > 0 ? { decisions: data.decisions } : {}),
  };
}
