import { describe, expect, it } from 'vitest';
import {
  correctionBody,
  correctionValuesOf,
  describeCorrection,
  type CorrectionLogEntry,
} from './correction-model';
import type { DecisionRecord, Meeting } from './meetings-model';

type Held = Extract<Meeting, { status: 'held' }>;

const meeting = {
  status: 'held',
  meetingId: 'm-1',
  schoolId: 's-1',
  academicYear: '2026/27',
  level: 'pedagogical-council',
  date: { precision: 'day', date: '2026-11-30' },
  timeZone: 'Europe/Moscow',
  agenda: [
    { itemId: 'item-1', title: 'Итоги ВПР' },
    { itemId: 'item-2', title: 'Разное' },
  ],
  protocolNumber: 1,
  record: {
    date: { precision: 'day', date: '2026-11-30' },
    chair: { personId: 'director.1', name: 'Кузнецова О. П.' },
    participants: [{ personId: 'director.1', name: 'Кузнецова О. П.' }, { name: 'Петров О. И.' }],
    minutes: [
      { itemId: 'item-1', heard: 'Смирнову Е. В. об итогах ВРП', decisionIds: ['d-1'] },
      { itemId: 'item-2', heard: 'Петрова О. И.', decisionIds: [] },
    ],
  },
  corrections: [],
  revision: 3,
} as unknown as Held;

const decision = {
  decisionId: 'd-1',
  number: 1,
  wording: 'Провести повторную работу',
  deadline: { asWritten: 'до 15.12.2026', parsed: { kind: 'date', due: '2026-12-15' } },
  executors: { lead: { name: 'Смирнова Е. В.' }, coExecutors: [{ name: 'Руководители ШМО' }] },
} as unknown as DecisionRecord;

describe('a protocol correction as the form sends it', () => {
  const values = correctionValuesOf(meeting, [decision]);

  it('starts from the record and each decision as they stand', () => {
    expect(values).toEqual({
      chair: 'Кузнецова О. П.',
      secretary: '',
      participants: 'Кузнецова О. П.\nПетров О. И.',
      heard: { 'item-1': 'Смирнову Е. В. об итогах ВРП', 'item-2': 'Петрова О. И.' },
      decisions: {
        'd-1': {
          wording: 'Провести повторную работу',
          deadline: 'до 15.12.2026',
          responsible: 'Смирнова Е. В.',
        },
      },
      reason: '',
    });
  });

  it('sends nothing when nothing was changed', () => {
    expect(correctionBody(meeting, [decision], { ...values, reason: 'Опечатка' })).toBeNull();
  });

  it('sends only what changed: a typo in «слушали», one more person present and a deadline', () => {
    const body = correctionBody(meeting, [decision], {
      ...values,
      participants: 'Кузнецова О. П.\nПетров О. И.\n Смирнова Е. В. ',
      heard: { ...values.heard, 'item-1': 'Смирнову Е. В. об итогах ВПР' },
      decisions: { 'd-1': { ...values.decisions['d-1'], deadline: 'до 20.12.2026' } },
      reason: ' Опечатки в протоколе ',
    });
    expect(body).toEqual({
      correction: {
        participants: [
          { personId: 'director.1', name: 'Кузнецова О. П.' },
          { name: 'Петров О. И.' },
          { name: 'Смирнова Е. В.' },
        ],
        minutes: [
          { itemId: 'item-1', heard: 'Смирнову Е. В. об итогах ВПР' },
          { itemId: 'item-2', heard: 'Петрова О. И.' },
        ],
      },
      decisions: [{ decisionId: 'd-1', deadline: { asWritten: 'до 20.12.2026' } }],
      reason: 'Опечатки в протоколе',
    });
  });

  it('names a new responsible anew, keeping the co-executors', () => {
    const body = correctionBody(meeting, [decision], {
      ...values,
      decisions: { 'd-1': { ...values.decisions['d-1'], responsible: 'Орлова Е. Н.' } },
      reason: 'Ответственный записан неверно',
    });
    expect(body?.decisions).toEqual([
      {
        decisionId: 'd-1',
        executors: { lead: { name: 'Орлова Е. Н.' }, coExecutors: [{ name: 'Руководители ШМО' }] },
      },
    ]);
    expect(body?.correction).toBeUndefined();
  });

  it('tells a correction back: what it was and what it is', () => {
    const entry: CorrectionLogEntry = {
      at: '2026-12-02T09:00:00.000Z',
      by: { id: 'director.1', name: 'Кузнецова О. П.' },
      reason: 'Опечатка',
      correctedOn: '2026-12-02',
      correction: {
        minutes: [
          { itemId: 'item-1', heard: 'Смирнову Е. В. об итогах ВПР', decisionIds: ['d-1'] },
          { itemId: 'item-2', heard: 'Петрова О. И.', decisionIds: [] },
        ],
      },
      previous: { minutes: meeting.record.minutes },
      decisions: [{ decisionId: 'd-1', fields: ['deadline'] }],
    };
    expect(describeCorrection(entry, meeting, new Map([['d-1', 1]]))).toEqual([
      'Слушали (вопрос 1): «Смирнову Е. В. об итогах ВРП» → «Смирнову Е. В. об итогах ВПР»',
      'Решение 1: срок (см. историю решения)',
    ]);
  });
});
