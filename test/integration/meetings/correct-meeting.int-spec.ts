import { localDateOf, ruDate } from '@vsoko/domain';
import { ooxmlProblems } from '@vsoko/documents';
import { randomUUID } from 'node:crypto';
import { docxText } from '../../../libs/documents/src/testing/docx-text';
import { json, startServices, type JsonBody, type Services } from '../harness';

const SCHOOL = 'school-corr';
const YEAR = '2023/24';
const TZ = 'Europe/Moscow';

/**
 * Issue 17, item 1: a held педсовет's protocol is corrected, never edited in place — «слушали», the people present
 * and a decision's wording and deadline in one request with one reason. The protocol and the приказ read the
 * corrected text with «Исправлено …», the audit timeline says who, when and why, and every refusal changes
 * nothing on any stream.
 */
describe('correcting a held meeting', () => {
  let s: Services;
  let director: Record<string, string>;
  let secretary: Record<string, string>;
  let teacher: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingId = `m-${tag}`;
  const other = `m-other-${tag}`;
  const [d1, d2, foreignDecision] = ['d1', 'd2', 'd-other'].map((d) => `${d}-${tag}`);
  const secretaryId = `orlova-${tag}`;
  const strangerId = `stranger-${tag}`;
  const today = localDateOf(Date.now(), TZ);

  const send = async (path: string, body: unknown, who = director, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...who, ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, body: answer };
  };
  const ok = async (path: string, body: unknown): Promise<JsonBody> => {
    const { status, body: answer } = await send(path, body);
    if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const get = async (path: string, who = director) => {
    const sep = path.includes('?') ? '&' : '?';
    return fetch(`${s.baseUrl}${path}${sep}waitForPosition=${head}&timeoutMs=30000`, { headers: who });
  };
  const textOf = async (path: string) => {
    const res = await get(path);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${bytes.toString('utf8')}`);
    expect(ooxmlProblems(bytes)).toEqual([]);
    return docxText(bytes);
  };
  /** The length of every stream a correction may write to. */
  /** Events in people's names: the 2023 deadlines had passed on entry, so the workflows mark them missed meanwhile. */
  const lengths = async () =>
    Promise.all(
      [`meeting-${meetingId}`, `decision-${d1}`, `decision-${d2}`].map(
        async (stream) =>
          (await s.store.readStream(stream)).filter((e) => e.metadata.actor.kind !== 'system').length,
      ),
    );
  const plan = (id: string, itemId: string) =>
    ok('/meetings', {
      id,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'day', date: '2023-08-30' },
      timeZone: TZ,
      chair: { name: 'Кузнецова О. П.' },
      secretary: { personId: secretaryId, name: 'Орлова Е. Н.' },
      agenda: [
        { itemId, title: 'Итоги ВПР' },
        { itemId: `${itemId}-b`, title: 'Разное' },
      ],
    });

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL, { name: 'Кузнецова Ольга Петровна' });
    secretary = await s.loginAs('teacher', SCHOOL, { id: secretaryId, name: 'Орлова Елена Николаевна' });
    teacher = await s.loginAs('teacher', SCHOOL, { id: `petrov-${tag}` });
    await s.loginAs('teacher', 'school-corr-stranger', { id: strangerId });
    await plan(meetingId, 'item-1');
    await ok(`/meetings/${meetingId}/held`, {
      participants: [{ name: 'Кузнецова О. П.' }, { name: 'Орлова Е. Н.' }],
      minutes: [
        { itemId: 'item-1', heard: 'Смирнову Е. В. об итогах ВРП', decisionIds: [d1, d2] },
        { itemId: 'item-1-b', heard: 'Кузнецову О. П.' },
      ],
    });
    for (const [id, number, wording] of [
      [d1, 1, 'Провести повторную проверочную работу в 5 класах'],
      [d2, 2, 'Обсуждать результаты на заседаниях ШМО'],
    ] as const) {
      await ok(`/meetings/${meetingId}/decisions`, {
        id,
        number,
        wording,
        executors: { lead: { role: 'deputy', name: 'Смирнова Е. В.' } },
        deadline: { asWritten: 'Октябрь-декабрь 2023г' },
      });
    }
    await plan(other, 'item-x');
    await ok(`/meetings/${other}/held`, {
      minutes: [{ itemId: 'item-x', heard: 'Об итогах', decisionIds: [foreignDecision] }],
    });
    await ok(`/meetings/${other}/decisions`, {
      id: foreignDecision,
      number: 1,
      wording: 'Решение другого заседания',
      executors: { lead: { name: 'Смирнова Е. В.' } },
      deadline: { asWritten: 'В течение года' },
    });
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  const correction = {
    correction: {
      participants: [{ name: 'Кузнецова О. П.' }, { name: 'Орлова Е. Н.' }, { name: 'Смирнова Е. В.' }],
      minutes: [{ itemId: 'item-1', heard: 'Смирнову Е. В. об итогах ВПР в 5 классах' }],
    },
    decisions: [
      {
        decisionId: d1,
        wording: 'Провести повторную проверочную работу в 5 классах',
        deadline: { asWritten: 'Ноябрь-декабрь 2023г' },
      },
    ],
    reason: 'Опечатки в протоколе',
  };

  it('refuses what it may not do, and each refusal writes nothing on any stream', async () => {
    const before = await lengths();
    const cases: Array<[unknown, Record<string, string>, Record<string, string>, number, string]> = [
      [{ ...correction, reason: '' }, director, {}, 400, 'VALIDATION_FAILED'],
      [{ reason: 'Опечатка' }, director, {}, 422, 'CORRECTION_EMPTY'],
      [correction, director, { 'If-Match': '"0"' }, 409, 'REVISION_MISMATCH'],
      [
        { correction: { participants: [{ personId: strangerId, name: 'Чужой' }] }, reason: 'Опечатка' },
        director,
        {},
        404,
        'PERSON_NOT_FOUND',
      ],
      [
        { decisions: [{ decisionId: foreignDecision, wording: 'Другое' }], reason: 'Опечатка' },
        director,
        {},
        422,
        'DECISION_NOT_IN_PROTOCOL',
      ],
      [correction, teacher, {}, 403, 'ACTOR_NOT_ALLOWED'],
      // The secretary keeps the protocol, but a decision is the administration's: nothing at all is written.
      [correction, secretary, {}, 403, 'ACTOR_NOT_ALLOWED'],
    ];
    for (const [body, who, headers, status, code] of cases) {
      const res = await send(`/meetings/${meetingId}/corrections`, body, who, headers);
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(res.body.message).toMatch(/[а-яё]/i);
    }
    const stranger = await s.loginAs('director', 'school-corr-stranger');
    const foreign = await send(`/meetings/${meetingId}/corrections`, correction, stranger);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'MEETING_NOT_FOUND']);
    expect(await lengths()).toEqual(before);
  });

  it('records the correction on the meeting’s stream and each decision’s, once for one Idempotency-Key', async () => {
    const key = `corr-${tag}`;
    const revision = (await s.store.readStream(`meeting-${meetingId}`)).length - 1;
    const first = await send(`/meetings/${meetingId}/corrections`, correction, director, {
      'Idempotency-Key': key,
      'If-Match': `"${revision}"`,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      meetingId,
      eventTypes: ['MeetingCorrected'],
      decisions: [{ decisionId: d1, eventTypes: ['DecisionWordingCorrected', 'DecisionDeadlineChanged'] }],
    });
    const after = await lengths();
    const again = await send(`/meetings/${meetingId}/corrections`, correction, director, {
      'Idempotency-Key': key,
      'If-Match': `"${revision}"`,
    });
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(first.body.revision);
    expect(await lengths()).toEqual(after);

    const [event] = (await s.store.readStream(`meeting-${meetingId}`)).filter(
      (e) => e.type === 'MeetingCorrected',
    );
    expect(event.data).toMatchObject({
      reason: 'Опечатки в протоколе',
      correctedOn: today,
      decisions: [{ decisionId: d1, fields: ['wording', 'deadline'] }],
      previous: { participants: [{ name: 'Кузнецова О. П.' }, { name: 'Орлова Е. Н.' }] },
    });
    expect(event.metadata.actor).toMatchObject({ id: 'director-school-corr' });
    // In people's names only (see `lengths`).
    const decisionEvents = (await s.store.readStream(`decision-${d1}`))
      .filter((e) => e.metadata.actor.kind !== 'system')
      .slice(-2);
    expect(decisionEvents.map((e) => e.type)).toEqual([
      'DecisionWordingCorrected',
      'DecisionDeadlineChanged',
    ]);
    for (const e of decisionEvents) {
      expect(e.data).toMatchObject({ reason: 'Исправление протокола № 1: Опечатки в протоколе' });
      expect(e.metadata.correlationId).toBe(event.metadata.correlationId);
    }
    expect(decisionEvents[1].data).toMatchObject({
      previous: { asWritten: 'Октябрь-декабрь 2023г' },
      deadline: { asWritten: 'Ноябрь-декабрь 2023г', parsed: { kind: 'months', due: '2023-12-31' } },
    });
  });

  it('lets the meeting’s secretary correct the record itself, and a stale screen gets 409', async () => {
    const participants = [
      { name: 'Кузнецова О. П.' },
      { name: 'Орлова Е. Н.' },
      { name: 'Смирнова Е. В.' },
      { personId: `petrov-${tag}`, name: 'Петров О. И.' },
    ];
    const res = await send(
      `/meetings/${meetingId}/corrections`,
      { correction: { participants }, reason: 'Не отмечен Петров О. И.' },
      secretary,
    );
    expect(res.status).toBe(200);
    expect(res.body.eventTypes).toEqual(['MeetingCorrected']);
    const stale = await send(
      `/meetings/${meetingId}/corrections`,
      { correction: { participants: participants.slice(0, 3) }, reason: 'Опечатка' },
      director,
      { 'If-Match': `"${res.body.revision - 1}"` },
    );
    expect([stale.status, stale.body.code]).toEqual([409, 'REVISION_MISMATCH']);
  });

  it('the protocol and the приказ read the corrected text, each with «Исправлено …»', async () => {
    const protocol = await textOf(`/meetings/${meetingId}/protocol.docx`);
    expect(protocol).toContain('СЛУШАЛИ: Итоги ВПР. Смирнову Е. В. об итогах ВПР в 5 классах');
    expect(protocol).not.toContain('ВРП');
    expect(protocol).toContain('Присутствовали: 4 чел.');
    expect(protocol).toContain(
      '1.1. Провести повторную проверочную работу в 5 классах Срок: Ноябрь-декабрь 2023г.',
    );
    expect(protocol).toContain(
      `Исправлено ${ruDate(today)}: Опечатки в протоколе (присутствовали; «слушали»; решение 1: формулировка, срок).`,
    );
    expect(protocol).toContain(`Исправлено ${ruDate(today)}: Не отмечен Петров О. И. (присутствовали).`);
    const order = await textOf(`/meetings/${meetingId}/order.docx`);
    expect(order).toContain(
      '1. Провести повторную проверочную работу в 5 классах Срок: Ноябрь-декабрь 2023г.',
    );
    expect(order).toContain(`Исправлено ${ruDate(today)}: Опечатки в протоколе`);
    // The order says nothing of who was present: that correction is the protocol's alone.
    expect(order).not.toContain('Не отмечен Петров');
  });

  it('shows who corrected, when and why: in the meeting and on the audit timeline', async () => {
    const res = await get(`/meetings/${meetingId}`);
    const meeting = await json(res);
    expect(meeting.correctionLog).toEqual([
      expect.objectContaining({
        by: { id: 'director-school-corr', name: 'Кузнецова Ольга Петровна' },
        reason: 'Опечатки в протоколе',
        correctedOn: today,
        decisions: [{ decisionId: d1, fields: ['wording', 'deadline'] }],
      }),
      expect.objectContaining({ by: { id: secretaryId, name: 'Орлова Елена Николаевна' } }),
    ]);
    const audit = await json(await get(`/audit?meetingId=${meetingId}`));
    const types = (audit.items as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['MeetingPlanned', 'MeetingHeld', 'MeetingCorrected']));
    const corrected = (audit.items as JsonBody[]).filter((e) => e.type === 'MeetingCorrected');
    expect(corrected[0]).toMatchObject({
      actor: { id: 'director-school-corr', name: 'Кузнецова Ольга Петровна' },
      summary: expect.stringContaining('Причина: Опечатки в протоколе'),
    });
    const decision = await json(await get(`/audit?decision=${d1}`));
    expect((decision.items as JsonBody[]).map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Формулировка решения .+ исправлена: «.+класах» → «.+классах» \(Исправление протокола № 1/,
        ),
      ]),
    );
  });
});
