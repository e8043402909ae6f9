import { academicYearOf, localDateOf } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { json, startServices, type Services } from '../harness';

const TZ = 'Europe/Moscow';

describe('stage commands over HTTP on the real workflow', () => {
  let s: Services;
  const today = localDateOf(Date.now(), TZ);
  const y = Number(today.slice(0, 4));
  const academicYear = academicYearOf(today);

  let deputy: Record<string, string>;
  let teacher: Record<string, string>;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    deputy = await s.loginAs('deputy', 'school-1', { id: 'ivanova' });
    teacher = await s.loginAs('teacher', 'school-1', { id: 'petrova' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = deputy) =>
    fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function scheduled(): Promise<string> {
    const id = `p-${randomUUID()}`;
    const res = await post('/procedures', {
      id,
      schoolId: 'school-1',
      academicYear,
      title: 'Мониторинг адаптации пятиклассников',
      direction: 'process',
      responsible: { role: 'deputy', personId: 'ivanova', name: 'Иванова А. П.' },
      window: { from: today, to: today },
      timeZone: TZ,
    });
    expect(res.status).toBe(201);
    return id;
  }

  const performed = {
    performedOn: today,
    performedBy: { name: 'Иванова А. П.' },
    collected: ['Анкеты 5А, 5Б'],
  };

  it('lets exactly one of two simultaneous completions of the same stage through; the other gets 409', async () => {
    const id = await scheduled();
    const answers = await Promise.all([
      post(`/procedures/${id}/performed`, performed),
      post(`/procedures/${id}/performed`, performed),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = await json(answers.find((r) => r.status === 409)!);
    expect(['STAGE_ALREADY_DONE', 'CONCURRENT_MODIFICATION']).toContain(loser.code);
    const events = await s.store.readStream(`procedure-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
  });

  it('treats a retried request with the same Idempotency-Key as the same command', async () => {
    const id = await scheduled();
    const key = `k-${randomUUID()}`;
    const first = await post(`/procedures/${id}/performed`, performed, { ...deputy, 'Idempotency-Key': key });
    const retry = await post(`/procedures/${id}/performed`, performed, { ...deputy, 'Idempotency-Key': key });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(await json(retry)).toEqual(await json(first));
    expect(await s.store.readStream(`procedure-${id}`)).toHaveLength(2);
  });

  it('refuses an Idempotency-Key reused for another body or another command with 409, recording nothing', async () => {
    const id = await scheduled();
    const key = `k-${randomUUID()}`;
    const withKey = { ...deputy, 'Idempotency-Key': key };
    const first = await post(`/procedures/${id}/performed`, performed, withKey);
    expect(first.status).toBe(200);
    const otherBody = await post(
      `/procedures/${id}/performed`,
      { ...performed, collected: ['Другое'] },
      withKey,
    );
    expect(otherBody.status).toBe(409);
    expect(await json(otherBody)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const analysis = {
      analysedOn: today,
      document: { title: 'Аналитическая справка' },
      findings: ['Адаптация прошла успешно'],
    };
    const otherCommand = await post(`/procedures/${id}/analysis`, analysis, withKey);
    expect(otherCommand.status).toBe(409);
    expect(await json(otherCommand)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const events = await s.store.readStream(`procedure-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
    const analysed = await post(`/procedures/${id}/analysis`, analysis, {
      ...deputy,
      'Idempotency-Key': `${key}-2`,
    });
    expect(analysed.status).toBe(200);
  });

  it('gives a key back when its command was refused, so the corrected request may use it', async () => {
    const id = await scheduled();
    const withKey = { ...deputy, 'Idempotency-Key': `k-${randomUUID()}` };
    const refused = await post(
      `/procedures/${id}/performed`,
      { ...performed, performedOn: `${y + 1}-01-01` },
      withKey,
    );
    expect(refused.status).toBe(422);
    const corrected = await post(`/procedures/${id}/performed`, performed, withKey);
    expect(corrected.status).toBe(200);
  });

  it('answers 409 when If-Match names a revision the procedure has moved past', async () => {
    const id = await scheduled();
    const stale = await post(`/procedures/${id}/performed`, performed, { ...deputy, 'If-Match': '"5"' });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({
      code: 'REVISION_MISMATCH',
      details: { expected: 5, current: 0 },
    });
    const fresh = await post(`/procedures/${id}/performed`, performed, { ...deputy, 'If-Match': '"0"' });
    expect(fresh.status).toBe(200);
    expect(await json(fresh)).toMatchObject({ revision: 1, eventTypes: ['ProcedurePerformed'] });
  });

  it('refuses work out of order (422), by someone not responsible (403), and in the future (422)', async () => {
    const id = await scheduled();
    const early = await post(`/procedures/${id}/discussion`, {
      meeting: { level: 'pedagogical-council', heldOn: today, protocolNumber: '1' },
    });
    expect(early.status).toBe(422);
    expect(await json(early)).toMatchObject({ code: 'STAGE_OUT_OF_ORDER' });

    const stranger = await post(`/procedures/${id}/performed`, performed, teacher);
    expect(stranger.status).toBe(403);
    expect(await json(stranger)).toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });

    const future = await post(`/procedures/${id}/performed`, { ...performed, performedOn: `${y + 1}-01-01` });
    expect(future.status).toBe(422);
    expect(await json(future)).toMatchObject({ code: 'DATE_IN_FUTURE' });

    const otherSchool = await post(`/procedures/${id}/performed`, performed, {
      ...deputy,
      'X-School-Id': 'school-2',
    });
    expect(otherSchool.status).toBe(403);
    expect(await s.store.readStream(`procedure-${id}`)).toHaveLength(1);
  });

  it('rejects malformed command bodies with 400 naming the fields, and unknown procedures with 404', async () => {
    const id = await scheduled();
    const bad = await post(`/procedures/${id}/decisions`, {
      decisions: [{ decisionId: 'd 1', wording: '', deadline: '31.05.2024' }],
    });
    expect(bad.status).toBe(400);
    const fields = Object.keys((await json(bad)).details.fields).sort();
    expect(fields).toEqual([
      'decisions.0.deadline',
      'decisions.0.decisionId',
      'decisions.0.responsible',
      'decisions.0.wording',
    ]);

    const missing = await post(`/procedures/unknown-${randomUUID()}/performed`, performed);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
  });
});
