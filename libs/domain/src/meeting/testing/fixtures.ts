import type { Actor } from '../../shared';
import { contextAt, spec } from '../../testing';
import type { MeetingCommand } from '../commands';
import { decideMeeting } from '../decide';
import type { MeetingEvent, MeetingHeld, MeetingPlanned } from '../events';
import { evolveMeeting } from '../evolve';
import { initialMeetingState } from '../state';

/*
 * The August pedagogical council of a school in Yekaterinburg (UTC+5), 2023/24, that considers two procedures
 * and a decision carried over from last year.
 */

export const meetingSpec = spec(decideMeeting, evolveMeeting, initialMeetingState);

export const SCHOOL = 'school-1';
export const ZONE = 'Asia/Yekaterinburg';
export const MEETING = 'm-ped-aug';
/** 01.09.2023, 11:00 in Yekaterinburg. */
export const NOW = '2023-09-01T06:00:00.000Z';

export const actors = {
  director: { id: 'director-1', kind: 'user', role: 'director' },
  deputy: { id: 'deputy-1', kind: 'user', role: 'deputy' },
  /** Keeps the protocol of this meeting. */
  secretary: { id: 'orlova', kind: 'user', role: 'teacher' },
  teacher: { id: 'petrov', kind: 'user', role: 'teacher' },
  system: { id: 'system', kind: 'system', name: 'vsoko' },
} satisfies Record<string, Actor>;

export const ctx = contextAt(NOW, SCHOOL);

export const planned: MeetingPlanned['data'] = {
  meetingId: MEETING,
  schoolId: SCHOOL,
  academicYear: '2023/24',
  level: 'pedagogical-council',
  date: { precision: 'day', date: '2023-08-30' },
  chair: { personId: 'director-1', name: 'Смирнова А. В., директор' },
  secretary: { personId: 'orlova', name: 'Орлова Е. Н.' },
  timeZone: ZONE,
  agenda: [
    { itemId: 'i-vpr', title: 'Итоги ВПР', subject: { kind: 'procedure', procedureId: 'p-vpr' } },
    { itemId: 'i-gia', title: 'Итоги ГИА', subject: { kind: 'procedure', procedureId: 'p-gia' } },
    {
      itemId: 'i-carried',
      title: 'О неисполненном решении',
      subject: { kind: 'decision', decisionId: 'd-old' },
    },
  ],
};

export const held: MeetingHeld['data'] = {
  meetingId: MEETING,
  protocolNumber: 1,
  recordedOn: '2023-09-01',
  date: { precision: 'day', date: '2023-08-30' },
  chair: planned.chair,
  secretary: planned.secretary,
  participants: [{ name: 'Педагогический коллектив, 24 человека' }],
  minutes: [
    { itemId: 'i-vpr', heard: 'Иванову И. И. об итогах ВПР', decisionIds: ['d-1', 'd-2'] },
    { itemId: 'i-gia', heard: 'Петрова П. П. об итогах ГИА', decisionIds: [] },
  ],
};

export const events = {
  planned: (over: Partial<MeetingPlanned['data']> = {}): MeetingEvent => ({
    type: 'MeetingPlanned',
    data: { ...planned, ...over },
  }),
  held: (over: Partial<MeetingHeld['data']> = {}): MeetingEvent => ({
    type: 'MeetingHeld',
    data: { ...held, ...over },
  }),
  signed: (signedOn = '2023-08-31'): MeetingEvent => ({
    type: 'ProtocolSigned',
    data: { meetingId: MEETING, signedOn },
  }),
  cancelled: (): MeetingEvent => ({
    type: 'MeetingCancelled',
    data: { meetingId: MEETING, reason: 'Перенесено на сентябрь' },
  }),
};

export const history = {
  none: [] as MeetingEvent[],
  planned: [events.planned()],
  held: [events.planned(), events.held()],
  signed: [events.planned(), events.held(), events.signed()],
  cancelled: [events.planned(), events.cancelled()],
};

export const commands = {
  plan: (over: Partial<MeetingPlanned['data']> = {}): MeetingCommand => ({
    type: 'PlanMeeting',
    data: { ...planned, ...over },
  }),
  hold: (over: Partial<Omit<MeetingHeld['data'], 'recordedOn'>> = {}): MeetingCommand => {
    const { recordedOn: _r, ...data } = held;
    return { type: 'HoldMeeting', data: { ...data, ...over } };
  },
};
