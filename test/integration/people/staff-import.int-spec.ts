import * as path from 'node:path';
import { recordHistory } from '../../../workflows/testing/histories';
import { STAFF_40, staffXlsx } from '../../fixtures/staff/staff-list';
import { formOf } from '../auth/support/routes';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { loginAs, putDistrict } from '../auth/accounts';
import { mailCount, mailTo, tokenIn } from './mailbox';

const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'staff-import', 'histories');
const INVITATION = /Приглашение/;
/** Everyone of the list with an address (all but Баранова). */
const ADDRESSES = STAFF_40.filter((r) => r.email && !r.fullName.startsWith('Соколова')).map((r) => r.email!);
const invitationsSent = async () =>
  (await Promise.all(ADDRESSES.map((a) => mailCount(a, INVITATION)))).reduce((a, b) => a + b, 0);

/**
 * A school's staff list of 40 people from XLSX: preview with warnings, approval as a durable workflow (people,
 * positions, invitations read from the SMTP capture), the same file again.
 */
describe('staff list import', () => {
  let s: Services;
  let director: Record<string, string>;

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '100000';
    s = await startServices({ projector: false });
    await putDistrict(s, 'district-1', ['school-7', 'school-8']);
    director = await loginAs(s, 'director', 'school-7', { id: 'sokolova.director' });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  const upload = async (file: Buffer, headers = director, fileName = 'Штатное расписание.xlsx') =>
    fetch(`${s.baseUrl}/staff/imports`, {
      method: 'POST',
      headers,
      body: formOf({ schoolId: 'school-7' }, file, fileName),
    });
  const approve = (importId: string, headers: Record<string, string> = director) =>
    fetch(`${s.baseUrl}/staff/imports/${importId}/approval`, { method: 'POST', headers });
  const progressOf = (importId: string, headers: Record<string, string> = director) =>
    fetch(`${s.baseUrl}/staff/imports/${importId}/approval`, { headers });

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

  it('approves as a workflow: people, positions and one invitation each, in the director’s name; nothing twice', async () => {
    const file = await staffXlsx();
    const preview = await json(await upload(file));
    const mailsBefore = await invitationsSent();
    const first = await approve(preview.importId, { ...director, 'X-Correlation-Id': 'staff-list-2026' });
    expect(first.status).toBe(200);
    const done = await json(first);
    expect(done).toMatchObject({
      workflowId: `staff-import-${preview.importId}`,
      registered: 39,
      failed: [],
      invitations: { noEmail: ['baranova.sa'], alreadyInvited: [], signedUp: [], failed: [] },
    });
    expect(done.invitations.sent).toHaveLength(38);
    expect(done.assigned).toBeGreaterThanOrEqual(50);
    expect(done.events).toBe(39 + done.assigned + 38);
    const events = await s.store.readStream('person-ivanova.mp');
    expect(events.map((e) => e.type)).toEqual(['PersonRegistered', 'PositionAssigned', 'PositionAssigned']);
    const [issued] = await s.store.readStream('credentials-ivanova.mp');
    for (const e of [...events, issued]) {
      expect(e.metadata).toMatchObject({
        actor: { id: 'sokolova.director', role: 'director' },
        schoolId: 'school-7',
        districtId: 'district-1',
        correlationId: 'staff-list-2026',
        causationId: `staff-approval:${preview.importId}`,
      });
    }
    expect(issued.type).toBe('InvitationIssued');
    expect(await invitationsSent()).toBe(mailsBefore + 38);
    await recordHistory(
      'staff-import',
      await s.temporal.workflow.getHandle(done.workflowId as string).fetchHistory(),
      HISTORIES,
    );

    // A class teacher of the list follows her mail and signs in holding the positions the file gave her.
    const mail = await mailTo('ivanova.mp@school7.test', INVITATION);
    expect(mail.text).toContain('Ваш логин: ivanova.mp');
    expect(mail.text).toContain('Школа «Школа school-7» приглашает');
    const accepted = await fetch(`${s.baseUrl}/auth/invitation/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenIn(mail), password: 'первый звонок в сентябре' }),
    });
    expect(accepted.status).toBe(200);
    const session = (await json(accepted)) as { token: string };
    const me = await json(
      await fetch(`${s.baseUrl}/auth/me`, { headers: { Authorization: `Bearer ${session.token}` } }),
    );
    expect(me).toMatchObject({ id: 'ivanova.mp', schoolId: 'school-7' });
    expect(me.positions.map((p: JsonBody) => p.position).sort()).toEqual(['class-teacher', 'teacher']);

    const head = await s.store.headPosition();
    expect(await json(await approve(preview.importId))).toMatchObject({
      events: 0,
      registered: 0,
      assigned: 0,
      invitations: { sent: [] },
    });
    const again = await json(await upload(file));
    expect(again.importId).toBe(preview.importId);
    expect(again.summary).toMatchObject({ unchanged: 39, new: 0, changes: 0 });
    const repeated = await json(await approve(again.importId));
    expect(repeated).toMatchObject({ events: 0, invitations: { sent: [], signedUp: ['ivanova.mp'] } });
    expect(repeated.invitations.alreadyInvited).toHaveLength(37);
    expect(await s.store.headPosition()).toBe(head);
    expect(await invitationsSent()).toBe(mailsBefore + 38);
  });

  it('answers at once with Prefer: respond-async; the progress is readable while and after it runs', async () => {
    const preview = await json(await upload(await staffXlsx()));
    const started = await fetch(`${s.baseUrl}/staff/imports/${preview.importId}/approval`, {
      method: 'POST',
      headers: { ...director, Prefer: 'respond-async' },
    });
    expect(started.status).toBe(202);
    expect(await json(started)).toEqual({
      importId: preview.importId,
      workflowId: `staff-import-${preview.importId}`,
      progress: `/staff/imports/${preview.importId}/approval`,
    });
    let status: JsonBody = {};
    const seen: number[] = [];
    for (let i = 0; i < 300 && status.status !== 'completed'; i++) {
      const res = await progressOf(preview.importId);
      expect(res.status).toBe(200);
      status = await json(res);
      if (typeof status.done === 'number') seen.push(status.done);
      if (status.status !== 'completed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatchObject({ status: 'completed', done: 39, total: 39, report: { events: 0 } });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const other = await loginAs(s, 'director', 'school-8', { id: 'director-8-progress' });
    expect((await progressOf(preview.importId, other)).status).toBe(404);
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
    // Two positions and one person, and the newcomer's invitation; nobody else is mailed again.
    expect(approved).toMatchObject({
      registered: 1,
      assigned: 2,
      events: 4,
      invitations: { sent: ['ivanova.mp2'], signedUp: ['ivanova.mp'] },
    });
    expect(await mailCount('ivanova.marina@school7.test', INVITATION)).toBe(1);
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
