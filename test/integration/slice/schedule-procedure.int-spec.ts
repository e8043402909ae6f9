import { randomUUID } from 'node:crypto';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { putAccount } from '../auth/accounts';
import { json, startServices, type Services } from '../harness';

describe('scheduling a procedure end to end (HTTP → Temporal → event log → MongoDB)', () => {
  let s: Services;
  let director: Record<string, string>;
  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', 'school-1', { id: 'director-1' });
    await putAccount(s, { login: 'deputy.1', role: 'deputy', scope: 'school-1' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = director) =>
    fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  const procedure = (id: string) => ({
    id,
    schoolId: 'school-1',
    academicYear: '2023/24',
    title: 'Стартовая диагностика первоклассников',
    direction: 'results',
    method: 'Диагностика',
    responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
    window: { from: '2023-09-01', to: '2023-09-30' },
    timeZone: 'Asia/Yekaterinburg',
  });

  it('records ProcedureScheduled, runs the workflow and serves the read model', async () => {
    const id = `p-${randomUUID()}`;
    const res = await post(procedure(id));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ procedureId: id, revision: 0, eventTypes: ['ProcedureScheduled'] });
    expect(res.headers.get('location')).toBe(`/procedures/${id}`);

    const events = await s.store.readStream(`procedure-${id}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ProcedureScheduled',
      revision: 0,
      position: body.position,
      data: {
        procedureId: id,
        title: 'Стартовая диагностика первоклассников',
        window: { from: '2023-09-01', to: '2023-09-30' },
      },
      metadata: { actor: { id: 'director-1', role: 'director' }, schoolId: 'school-1' },
    });
    expect(events[0].metadata.correlationId).toBeTruthy();
    expect(events[0].metadata.causationId).toBeTruthy();

    const description = await s.temporal.workflow.getHandle(procedureWorkflowId(id)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe('procedures');

    const read = await fetch(`${s.baseUrl}/procedures/${id}?waitForPosition=${body.position}`, {
      headers: director,
    });
    expect(read.status).toBe(200);
    expect(await json(read)).toMatchObject({
      _id: id,
      stage: 'scheduled',
      schoolId: 'school-1',
      academicYear: '2023/24',
    });
    const doc = await s.readStore.get('procedures', id);
    expect(doc).toMatchObject({ stage: 'scheduled', title: 'Стартовая диагностика первоклассников' });
    // The window lies in the past: right after scheduling, the workflow records what its timers find due, and
    // the read model may hold that too by now (a command completes in one workflow task since the local append).
    const log = await s.store.readStream(`procedure-${id}`);
    expect(log.map((e) => e.revision)).toContain((doc as unknown as { revision: number }).revision);
  });

  it('answers 409 to the same procedure id posted again and records nothing more', async () => {
    const id = `p-${randomUUID()}`;
    expect((await post(procedure(id))).status).toBe(201);
    const again = await post({ ...procedure(id), title: 'Другое название' });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'PROCEDURE_ALREADY_SCHEDULED' });
    expect(await s.store.readStream(`procedure-${id}`)).toHaveLength(1);
  });

  it('rejects malformed bodies and unknown fields with 400 and starts nothing', async () => {
    const id = `p-${randomUUID()}`;
    const unknown = await post({ ...procedure(id), priority: 'high' });
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { priority: ['неизвестное поле'] } },
    });

    const bad = await post({
      ...procedure(id),
      window: { from: '1 сентября', to: '2023-09-30' },
      direction: 'quality',
    });
    expect(bad.status).toBe(400);
    const problem = await json(bad);
    expect(Object.keys(problem.details.fields).sort()).toEqual(['direction', 'window.from']);

    await expect(s.temporal.workflow.getHandle(procedureWorkflowId(id)).describe()).rejects.toThrow();
    expect(await s.store.readStream(`procedure-${id}`)).toHaveLength(0);
  });

  it('rejects a window outside the academic year with 422 and a Russian message', async () => {
    const id = `p-${randomUUID()}`;
    const res = await post({ ...procedure(id), window: { from: '2024-08-15', to: '2024-09-01' } });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.code).toBe('WINDOW_OUTSIDE_ACADEMIC_YEAR');
    expect(body.message).toMatch(/учебного года 2023\/24/);
    expect(await s.store.readStream(`procedure-${id}`)).toHaveLength(0);
  });

  it('requires the acting user (signed in)', async () => {
    const res = await post(procedure(`p-${randomUUID()}`), {});
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ code: 'ACTOR_REQUIRED' });
  });

  it('names a responsible person by their login, dots included', async () => {
    const id = `p-${randomUUID()}`;
    const res = await post({
      ...procedure(id),
      responsible: { role: 'deputy', personId: 'deputy.1', name: 'Иванова А. П.' },
    });
    expect(res.status).toBe(201);
    const [event] = await s.store.readStream(`procedure-${id}`);
    expect(event.data).toMatchObject({ responsible: { personId: 'deputy.1' } });
  });

  it('answers 404 for an unknown procedure', async () => {
    const res = await fetch(`${s.baseUrl}/procedures/unknown-${randomUUID()}`, { headers: director });
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
  });

  it('reports every dependency healthy', async () => {
    const res = await fetch(`${s.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.info).sort()).toEqual(['eventStore', 'mongodb', 'projector', 'temporal']);
  });
});
