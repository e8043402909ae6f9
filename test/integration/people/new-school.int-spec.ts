import { academicYearOf, localDateOf } from '@vsoko/domain';
import { docxOf } from '../../fixtures/plans/build-files';
import { seedTable, SEED_000 } from '../../fixtures/plans/seed-tables';
import { STAFF_40, staffXlsx } from '../../fixtures/staff/staff-list';
import { putDistrict } from '../auth/accounts';
import { formOf } from '../auth/support/routes';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { mailCount, mailTo, tokenIn } from './mailbox';

const TZ = 'Europe/Moscow';
const today = localDateOf(Date.now(), TZ);
const YEAR = academicYearOf(today);
const yearEnd = `${Number(YEAR.slice(0, 4)) + 1}-05-31`;

const DISTRICT = 'district-north';
const SCHOOL = 'school-7';
const DIRECTOR = {
  login: 'sokolova.tp',
  fullName: 'Соколова Татьяна Петровна',
  email: 'sokolova.tp@school7.test',
};
const CLASS_TEACHER = {
  login: 'ivanova.mp',
  name: 'Иванова Мария Петровна',
  email: 'ivanova.mp@school7.test',
};
const SUCCESSOR = { login: 'petrova.lv', name: 'Петрова Людмила Викторовна' };

/**
 * Issue 14 «Done when», tried as a new school would on the real stack (API, worker, projector, Temporal, the event
 * log, the read models and the SMTP capture): a district administrator opens a school and appoints its director,
 * the director signs in through the invitation mail, imports the staff list of 40 people from XLSX and the year's
 * plan, a class teacher signs in and marks her own procedure performed, and when she leaves her open decisions are
 * handed over in one step.
 */
describe('a new school sets itself up without a developer', () => {
  let s: Services;
  let admin: Record<string, string>;
  let director: Record<string, string>;
  let classTeacher: Record<string, string>;
  let head = 0;
  let procedureId = '';
  let classTeacherMailsBefore = 0;

  const call = async (method: string, route: string, headers: Record<string, string>, body?: unknown) => {
    const multipart = body instanceof FormData;
    const res = await fetch(`${s.baseUrl}${route}`, {
      method,
      headers: {
        ...(body === undefined || multipart ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: multipart ? body : JSON.stringify(body) }),
    });
    const answer = (await json(res)) as JsonBody;
    if (typeof answer?.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, body: answer };
  };
  const bearer = (session: JsonBody) => ({ Authorization: `Bearer ${session.token as string}` });
  /** Follows the newest invitation mailed to `email` (after `seen` earlier ones) and chooses a password. */
  const acceptInvitation = async (email: string, seen: number, password: string) => {
    const mail = await mailTo(email, /Приглашение/, seen);
    const accepted = await call('POST', '/auth/invitation/accept', {}, { token: tokenIn(mail), password });
    expect(accepted.status).toBe(200);
    return { mail, session: bearer(accepted.body) };
  };

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '100000';
    s = await startServices();
    // The installation registers the district and its administrator (`seed demo` does the same as the system).
    await putDistrict(s, DISTRICT, []);
    admin = await s.loginAs('district-admin', DISTRICT, {
      id: 'volkova.ta',
      name: 'Волкова Татьяна Андреевна',
    });
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  it('the district administrator opens the school with its director; the director signs in through the invitation mail', async () => {
    const seen = await mailCount(DIRECTOR.email, /Приглашение/);
    const opened = await call('POST', `/districts/${DISTRICT}/schools`, admin, {
      id: SCHOOL,
      name: 'МАОУ «СОШ № 7»',
      director: { login: DIRECTOR.login, fullName: DIRECTOR.fullName, email: DIRECTOR.email },
    });
    expect(opened).toMatchObject({
      status: 201,
      body: {
        events: ['SchoolRegistered'],
        director: {
          personId: DIRECTOR.login,
          events: ['PersonRegistered', 'PositionAssigned'],
          invitation: { eventTypes: ['InvitationIssued'] },
        },
      },
    });
    const { mail, session } = await acceptInvitation(DIRECTOR.email, seen, 'белые ночи над невой');
    expect(mail.text).toContain(`Ваш логин: ${DIRECTOR.login}`);
    expect(mail.text).toContain('МАОУ «СОШ № 7»');
    director = session;
    const me = await call('GET', '/auth/me', director);
    expect(me.body).toMatchObject({ id: DIRECTOR.login, schoolId: SCHOOL, roles: ['director'] });
  });

  it('the director imports the staff list of 40 people from XLSX: a preview, then one approval', async () => {
    const file = await staffXlsx(STAFF_40);
    const preview = await call(
      'POST',
      '/staff/imports',
      director,
      formOf({ schoolId: SCHOOL }, file, 'Сотрудники.xlsx'),
    );
    expect(preview.status).toBe(200);
    // The list names the director too: she is the person the district appointed, nothing new for her.
    expect(preview.body.summary).toMatchObject({ people: 40, new: 39, unchanged: 1, error: 0 });
    const rows = preview.body.rows as JsonBody[];
    expect(rows.find((r) => r.fullName === DIRECTOR.fullName)).toMatchObject({
      login: DIRECTOR.login,
      status: 'unchanged',
      positions: [expect.objectContaining({ position: 'director', status: 'held' })],
    });
    expect(rows.find((r) => r.login === CLASS_TEACHER.login)).toMatchObject({
      positions: expect.arrayContaining([
        expect.objectContaining({ position: 'class-teacher', className: '1А' }),
      ]),
    });
    classTeacherMailsBefore = await mailCount(CLASS_TEACHER.email, /Приглашение/);
    const approved = await call(
      'POST',
      `/staff/imports/${preview.body.importId as string}/approval`,
      director,
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ registered: 39, failed: [] });
    // Everyone new with an address gets one invitation; the director, who has her password, gets none.
    expect(approved.body.invitations.sent).toHaveLength(38);
    expect(approved.body.invitations.sent).toContain(CLASS_TEACHER.login);
    expect(approved.body.invitations.signedUp).toEqual([DIRECTOR.login]);
    const staff = await call('GET', `/schools/${SCHOOL}/people`, director);
    expect(staff.body.people).toHaveLength(40);
  });

  it('the director imports the year’s plan', async () => {
    const form = formOf(
      { schoolId: SCHOOL, academicYear: YEAR },
      await docxOf(seedTable(SEED_000)),
      'План ВСОКО.docx',
    );
    const preview = await call('POST', '/plans/import', director, form);
    expect(preview.status).toBe(200);
    const approved = await call(
      'POST',
      `/plans/imports/${preview.body.importId as string}/approve`,
      director,
      {
        // The school starts mid-year: rows whose window has passed stay to be done, without fresh lateness.
        pastWindows: { all: { action: 'overdue' } },
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ recorded: true, failed: [] });
    expect((approved.body.scheduled as string[]).length).toBeGreaterThan(20);
  });

  it('a class teacher signs in through the invitation mail and marks her own procedure performed', async () => {
    // The invitation the staff list's approval mailed her.
    ({ session: classTeacher } = await acceptInvitation(
      CLASS_TEACHER.email,
      classTeacherMailsBefore,
      'тёплый дождь в саду',
    ));

    const mine = await call(
      'GET',
      `/procedures?schoolId=${SCHOOL}&responsible=class-teacher&stage=scheduled&waitForPosition=${head}`,
      classTeacher,
    );
    expect(mine.status).toBe(200);
    const procedure = (mine.body.items as JsonBody[])[0];
    expect(procedure).toMatchObject({ responsible: { role: 'class-teacher' } });
    procedureId = procedure._id as string;
    const performed = await call('POST', `/procedures/${procedureId}/performed`, classTeacher, {
      performedOn: today,
      performedBy: { personId: CLASS_TEACHER.login, name: 'Иванова М. П.' },
      collected: ['Анкеты родителей 1А'],
    });
    expect(performed.status).toBe(200);
    const events = await s.store.readStream(`procedure-${procedureId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'ProcedurePerformed',
      metadata: { actor: { id: CLASS_TEACHER.login, answersFor: expect.arrayContaining(['class-teacher']) } },
    });
  });

  it('when she leaves, her open decisions are handed over in one step, each with the reason', async () => {
    // Decisions she answers for: one adopted on her procedure, one by the director's order.
    for (const [step, body] of [
      [
        'analysis',
        { analysedOn: today, document: { title: 'Аналитическая справка' }, findings: ['Адаптация в норме'] },
      ],
      ['discussion', { meeting: { level: 'class-teachers-meeting', heldOn: today, protocolNumber: '3' } }],
      [
        'decisions',
        {
          decisions: [
            {
              decisionId: 'd-parents-1a',
              wording: 'Провести родительское собрание в 1А по итогам анкетирования',
              deadline: yearEnd,
              responsible: { personId: CLASS_TEACHER.login, role: 'class-teacher', name: 'Иванова М. П.' },
            },
          ],
        },
      ],
    ] as const) {
      expect({
        step,
        status: (await call('POST', `/procedures/${procedureId}/${step}`, director, body)).status,
      }).toEqual({
        step,
        status: 200,
      });
    }
    const byOrder = await call('POST', '/decisions/by-order', director, {
      id: 'd-reading-1a',
      number: 1,
      wording: 'Организовать занятия по технике чтения в 1А',
      executors: { lead: { personId: CLASS_TEACHER.login, name: CLASS_TEACHER.name }, coExecutors: [] },
      deadline: { asWritten: 'В течение года' },
      order: { number: '45-о', date: today },
      academicYear: YEAR,
      timeZone: TZ,
    });
    expect(byOrder.status).toBe(201);

    await call('GET', `/procedures/${procedureId}?waitForPosition=${head}`, director);
    const open = await call('GET', `/people/${CLASS_TEACHER.login}/open-work`, director);
    expect((open.body.decisions as JsonBody[]).map((d) => d.decisionId).sort()).toEqual([
      'd-parents-1a',
      'd-reading-1a',
    ]);

    const reason = 'Иванова М. П. уволилась по собственному желанию (приказ № 52-к)';
    const handedOver = await call('POST', `/people/${CLASS_TEACHER.login}/handover`, director, {
      to: SUCCESSOR.login,
      reason,
    });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ failed: [] });
    expect((handedOver.body.decisions as JsonBody[]).map((d) => [d.decisionId, d.eventTypes]).sort()).toEqual(
      [
        ['d-parents-1a', ['ProcedureDecisionReassigned']],
        ['d-reading-1a', ['DecisionReassigned']],
      ],
    );
    const onProcedure = (await s.store.readStream(`procedure-${procedureId}`)).at(-1);
    const record = (await s.store.readStream('decision-d-reading-1a')).at(-1);
    for (const event of [onProcedure, record]) {
      expect(event?.data).toMatchObject({ reason });
      expect(event?.metadata).toMatchObject({ actor: { id: DIRECTOR.login } });
    }
    expect(onProcedure?.metadata.correlationId).toBe(record?.metadata.correlationId);
    head = Math.max(head, onProcedure!.position, record!.position);

    const left = await call('POST', `/people/${CLASS_TEACHER.login}/deactivate`, director, { reason });
    expect(left.status).toBeLessThan(300);
    expect((await call('GET', '/auth/me', classTeacher)).status).toBe(401);

    await call('GET', `/procedures/${procedureId}?waitForPosition=${head}`, director);
    const nothingLeft = await call('GET', `/people/${CLASS_TEACHER.login}/open-work`, director);
    expect(nothingLeft.body).toMatchObject({ decisions: [], checkIns: [] });
    const taken = await call('GET', `/people/${SUCCESSOR.login}/open-work`, director);
    expect((taken.body.decisions as JsonBody[]).map((d) => d.decisionId).sort()).toEqual([
      'd-parents-1a',
      'd-reading-1a',
    ]);

    // Her whole story at the school is on the audit trail: who did what, and when.
    const story = await call(
      'GET',
      `/audit?personId=${CLASS_TEACHER.login}&pageSize=200&waitForPosition=${head}`,
      director,
    );
    const types = (story.body.items as JsonBody[]).map((e) => e.type);
    for (const type of [
      'PersonRegistered',
      'PositionAssigned',
      'InvitationIssued',
      'InvitationAccepted',
      'ProcedurePerformed',
      'ProcedureDecisionReassigned',
      'DecisionReassigned',
      'AccountDeactivated',
    ])
      expect(types).toContain(type);
    for (const entry of story.body.items as JsonBody[]) {
      expect(entry).toMatchObject({ actor: { id: expect.any(String) }, occurredAt: expect.any(String) });
      expect(entry.summary).toMatch(/[а-я]/);
    }
  });
});
