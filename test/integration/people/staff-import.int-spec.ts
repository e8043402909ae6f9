import { STAFF_40, staffXlsx } from '../../fixtures/staff/staff-list';
import { formOf } from '../auth/support/routes';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { loginAs, putDistrict } from '../auth/accounts';

/** A school's staff list of 40 people from XLSX: preview with warnings, approval, the same file again. */
describe('staff list import', () => {
  let s: Services;
  let director: Record<string, string>;

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    s = await startServices({ projector: false, worker: false });
    await putDistrict(s, 'district-1', ['school-7', 'school-8']);
    director = await loginAs(s, 'director', 'school-7', { id: 'sokolova.director' });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
  });

  const upload = async (file: Buffer, headers = director, fileName = 'Штатное расписание.xlsx') =>
    fetch(`${s.baseUrl}/staff/imports`, {
      method: 'POST',
      headers,
      body: formOf({ schoolId: 'school-7' }, file, fileName),
    });
  const approve = (importId: string, headers: Record<string, string> = director) =>
    fetch(`${s.baseUrl}/staff/imports/${importId}/approval`, { method: 'POST', headers });

  it('previews 40 people with their positions and warnings, writing nothing', async () => {
    const head = await s.store.headPosition();
    const res = await upload(await staffXlsx());
    expect(res.status).toBe(200);
    const preview = await json(res);
    expect(preview.summary).toMatchObject({ people: 40, new: 39, error: 1 });
    const rows = preview.rows as JsonBody[];
    expect(rows.find((r) => r.fullName === 'Иванова Мария Петровна')).toMatchObject({
      login: 'ivanova.mp',
      status: 'new',
      positions: [
        { position: 'teacher', subjects: ['начальные классы'], status: 'new' },
        { position: 'class-teacher', className: '1А', title: 'классный руководитель 1А', status: 'new' },
      ],
    });
    expect(rows.find((r) => r.fullName.startsWith('Соколова'))).toMatchObject({
      status: 'error',
      error: expect.stringContaining('администратор района'),
    });
    expect(rows.find((r) => r.fullName.startsWith('Баранова'))?.warnings).toEqual([
      expect.stringContaining('Нет адреса почты'),
    ]);
    expect(await s.store.headPosition()).toBe(head);
  });

  it('approves: people and positions as events in the director’s name; the same file again writes nothing', async () => {
    const file = await staffXlsx();
    const preview = await json(await upload(file));
    const first = await approve(preview.importId, { ...director, 'X-Correlation-Id': 'staff-list-2026' });
    expect(first.status).toBe(200);
    const done = await json(first);
    expect(done).toMatchObject({ registered: 39, failed: [] });
    expect(done.assigned).toBeGreaterThanOrEqual(50);
    const events = await s.store.readStream('person-ivanova.mp');
    expect(events.map((e) => e.type)).toEqual(['PersonRegistered', 'PositionAssigned', 'PositionAssigned']);
    expect(events[0].metadata).toMatchObject({
      actor: { id: 'sokolova.director', role: 'director' },
      schoolId: 'school-7',
      correlationId: 'staff-list-2026',
    });

    const head = await s.store.headPosition();
    expect(await json(await approve(preview.importId))).toMatchObject({
      events: 0,
      registered: 0,
      assigned: 0,
    });
    const again = await json(await upload(file));
    expect(again.importId).toBe(preview.importId);
    expect(again.summary).toMatchObject({ unchanged: 39, new: 0, changes: 0 });
    expect(await json(await approve(again.importId))).toMatchObject({ events: 0 });
    expect(await s.store.headPosition()).toBe(head);
  });

  it('a changed list: only what changed is new, and a namesake gets the next login', async () => {
    const changed = STAFF_40.map((r) =>
      r.fullName.startsWith('Павлов')
        ? { ...r, position: 'Учитель математики, физики; классный руководитель 8Б' }
        : r,
    );
    changed.push({
      fullName: 'Иванова Марина Павловна',
      position: 'Учитель истории',
      email: 'ivanova.marina@school7.test',
    });
    const preview = await json(await upload(await staffXlsx(changed)));
    expect(preview.summary).toMatchObject({ new: 1, changes: 1, unchanged: 38 });
    const rows = preview.rows as JsonBody[];
    expect(rows.find((r) => r.fullName === 'Иванова Марина Павловна')).toMatchObject({
      login: 'ivanova.mp2',
    });
    const approved = await json(await approve(preview.importId));
    expect(approved).toMatchObject({ registered: 1, assigned: 2, events: 3 });
  });

  it('another school’s director cannot see or approve the preview; a teacher cannot upload', async () => {
    const preview = await json(await upload(await staffXlsx()));
    const other = await loginAs(s, 'director', 'school-8', { id: 'director-8' });
    const res = await approve(preview.importId, other);
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ code: 'STAFF_IMPORT_NOT_FOUND' });
    expect((await upload(await staffXlsx(), other)).status).toBe(403);
    const teacher = await loginAs(s, 'teacher', 'school-7', { id: 'teacher-7' });
    expect((await upload(await staffXlsx(), teacher)).status).toBe(403);
  });

  it('refuses a file that is no staff list', async () => {
    const res = await upload(Buffer.from('Мероприятие;Срок\nВПР;май'), director, 'план.csv');
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'FILE_NOT_A_STAFF_LIST' });
  });
});
