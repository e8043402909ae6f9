import { adopted as decisionRecord } from '../../../domain/src/decision/testing/fixtures';
import { held as heldMeeting, planned as plannedMeeting } from '../../../domain/src/meeting/testing/fixtures';
import { events, history, parents } from '../../../domain/src/procedure/testing/fixtures';
import { anyProjection } from '../projection';
import { project, recorded } from '../testing/project';
import { auditProjection } from './audit-projection';

describe('audit timeline', () => {
  const given = recorded([
    ...history.followingUp,
    { ...events.decisionOverdue(parents), metadata: { actor: { id: 'system', kind: 'system' } } },
    { ...events.executed('d-parents', '2024-05-18'), metadata: { actor: { id: 'sidorova', kind: 'user' } } },
  ]);
  const entries = [...project(anyProjection(auditProjection), given).values()];

  it('given events, then one entry per event, keyed by the event id, in log order', () => {
    expect(entries.map((e) => e._id)).toEqual(given.map((e) => e.id));
    expect(entries.map((e) => (e as unknown as { position: number }).position)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('given decisions, then the entries carry the procedure, decision, person and school keys', () => {
    expect(entries[4]).toMatchObject({
      type: 'DecisionsAdopted',
      procedureId: 'p-vpr-4',
      schoolId: 'school-1',
      academicYear: '2023/24',
      decisionKeys: ['p-vpr-4:d-lessons', 'p-vpr-4:d-parents'],
      personIds: ['director-1', 'petrov'],
    });
    expect(entries[5]).toMatchObject({
      decisionKeys: ['p-vpr-4:d-parents'],
      actor: { id: 'system' },
      personIds: [],
    });
    expect(entries[6]).toMatchObject({ personIds: ['sidorova'] });
  });

  it('given events, then a Russian sentence an auditor can read', () => {
    expect((entries[3] as unknown as { summary: string }).summary).toBe(
      'Результаты рассмотрены: Педагогический совет 26.04.2024, протокол № 5',
    );
    expect((entries[5] as unknown as { summary: string }).summary).toMatch(
      /^Просрочено решение «Провести разъяснительную работу с родителями обучающихся» \(срок 15\.05\.2024\)/,
    );
  });
});

describe('audit timeline of the organisation', () => {
  const given = recorded([
    { type: 'PersonRegistered', data: { personId: 'petrova', fullName: 'Петрова Мария Сергеевна' } },
    {
      type: 'PositionAssigned',
      data: {
        personId: 'petrova',
        assignmentId: 'school-1:class-teacher:5а',
        position: 'class-teacher',
        schoolId: 'school-1',
        className: '5А',
      },
    },
    { type: 'AccountDeactivated', data: { personId: 'petrova', reason: 'Уволена, приказ № 15' } },
  ]);
  const entries = [...project(anyProjection(auditProjection), given).values()] as unknown as {
    summary: string;
    personIds: string[];
    procedureId: string | null;
  }[];

  it('given a person’s events, then each is on her timeline and the director’s, in Russian', () => {
    expect(entries.map((e) => e.summary)).toEqual([
      'Заведена учётная запись: Петрова Мария Сергеевна (логин petrova)',
      'petrova: назначение — классный руководитель 5А, школа school-1',
      'Учётная запись petrova отключена: Уволена, приказ № 15',
    ]);
    for (const entry of entries) {
      expect(entry.personIds).toEqual(['director-1', 'petrova']);
      expect(entry.procedureId).toBeNull();
    }
  });
});

describe('audit timeline of passwords', () => {
  const digest = 'a'.repeat(64);
  const link = { tokenDigest: digest, expiresAt: '2026-12-09T12:00:00.000Z', sentTo: 'petrova@school1.ru' };
  const given = recorded([
    { type: 'InvitationIssued', data: { personId: 'petrova', ...link } },
    { type: 'InvitationAccepted', data: { personId: 'petrova', tokenDigest: digest } },
    { type: 'PasswordChanged', data: { personId: 'petrova' } },
    { type: 'PasswordResetRequested', data: { personId: 'petrova', ...link } },
    { type: 'PasswordReset', data: { personId: 'petrova', tokenDigest: digest } },
    {
      type: 'PasswordResetForced',
      data: { personId: 'petrova', reason: 'Пароль сообщён коллеге', ...link },
    },
  ]);
  const entries = [...project(anyProjection(auditProjection), given).values()] as unknown as {
    summary: string;
    personIds: string[];
    data: Record<string, unknown>;
  }[];

  it('given the credentials events, then who did what and when, in Russian, on the person’s timeline', () => {
    expect(entries.map((e) => e.summary)).toEqual([
      'petrova: отправлено приглашение для первого входа на p***@school1.ru, ссылка действует до 09.12.2026, 15:00 (Europe/Moscow)',
      'petrova: приглашение принято, пароль задан',
      'petrova: пароль изменён владельцем учётной записи',
      'petrova: запрошен сброс пароля, ссылка отправлена на p***@school1.ru и действует до 09.12.2026, 15:00 (Europe/Moscow)',
      'petrova: новый пароль задан по ссылке сброса',
      'petrova: администрация сбросила пароль (Пароль сообщён коллеге); ссылка отправлена на p***@school1.ru и действует до 09.12.2026, 15:00 (Europe/Moscow)',
    ]);
    for (const entry of entries) expect(entry.personIds).toContain('petrova');
  });

  it('given links, then neither their digest nor the whole address is kept', () => {
    for (const entry of entries) {
      expect(JSON.stringify(entry)).not.toContain(digest);
      expect(JSON.stringify(entry)).not.toContain('petrova@school1.ru');
    }
    expect(entries[5].data).toEqual({
      personId: 'petrova',
      reason: 'Пароль сообщён коллеге',
      expiresAt: '2026-12-09T12:00:00.000Z',
      sentTo: 'p***@school1.ru',
    });
  });
});

describe('audit timeline of decision records', () => {
  const successor = { personId: 'sokolova', role: 'deputy', name: 'Соколова Т. П.' };
  const given = recorded([
    { type: 'DecisionAdopted', data: decisionRecord },
    {
      type: 'DecisionReassigned',
      data: {
        decisionId: decisionRecord.decisionId,
        previous: decisionRecord.executors,
        executors: { ...decisionRecord.executors, lead: successor },
        reason: 'Виноградова В. А. уволилась',
      },
    },
    {
      type: 'DecisionExecutionRecorded',
      data: { decisionId: decisionRecord.decisionId, executedOn: '2023-12-20', evidenceIds: [] },
    },
  ]);
  const entries = [...project(anyProjection(auditProjection), given).values()] as unknown as {
    summary: string;
    personIds: string[];
    decisionKeys: string[];
    academicYear: string | null;
  }[];

  it('given a decision handed over, then each event on the decision’s, the people’s and the school’s timeline', () => {
    expect(entries.map((e) => e.decisionKeys)).toEqual([['d-programme'], ['d-programme'], ['d-programme']]);
    expect(entries[1].personIds).toEqual(['director-1', 'sokolova', 'vinogradova']);
    expect(entries[0].academicYear).toBe('2023/24');
    expect(entries.map((e) => e.summary)).toEqual([
      expect.stringMatching(
        /^Принято решение d-programme на заседании: «Доработать .+», срок — «Октябрь-декабрь 2023г», ответственный: Виноградова В\. А\., зам\. директора по УВР, Руководители ШМО$/,
      ),
      'Решение d-programme передано: Виноградова В. А., зам. директора по УВР, Руководители ШМО → Соколова Т. П., Руководители ШМО (Виноградова В. А. уволилась)',
      'Решение d-programme исполнено 20.12.2023',
    ]);
  });
});

const meeting = { planned: plannedMeeting, held: heldMeeting };

describe('audit timeline of meetings', () => {
  const corrected = {
    meetingId: meeting.planned.meetingId,
    correction: { participants: [{ name: 'Педагогический коллектив, 26 человек' }] },
    previous: { participants: meeting.held.participants },
    reason: 'Неверно посчитаны присутствующие',
    correctedOn: '2023-09-05',
    decisions: [{ decisionId: 'd-2', fields: ['deadline'] }],
  };
  const given = recorded([
    { type: 'MeetingPlanned', data: meeting.planned },
    { type: 'MeetingHeld', data: meeting.held },
    {
      type: 'MeetingCorrected',
      data: corrected,
      metadata: { actor: { id: 'director-1', kind: 'user', role: 'director', name: 'Смирнова А. В.' } },
    },
  ]);
  const entries = [...project(anyProjection(auditProjection), given).values()] as unknown as {
    type: string;
    summary: string;
    meetingId: string | null;
    academicYear: string | null;
    actor: { name?: string };
    data: unknown;
  }[];

  it('given a meeting planned, held and its protocol corrected, then each on the meeting’s timeline', () => {
    expect(entries.map((e) => [e.type, e.meetingId])).toEqual([
      ['MeetingPlanned', 'm-ped-aug'],
      ['MeetingHeld', 'm-ped-aug'],
      ['MeetingCorrected', 'm-ped-aug'],
    ]);
    expect(entries[0].academicYear).toBe('2023/24');
  });

  it('given a correction, then who made it, when, why and what it changed, with the values before', () => {
    expect(entries[2].actor.name).toBe('Смирнова А. В.');
    expect(entries[2].summary).toBe(
      'Протокол исправлен 05.09.2023: присутствовали, решение d-2 (срок). Причина: Неверно посчитаны присутствующие',
    );
    expect(entries[2].data).toEqual(corrected);
    expect(entries[1].summary).toBe('Заседание проведено 30.08.2023, протокол № 1; присутствовали: 1');
  });
});
