import { STAFF_40, staffXlsx } from '../../fixtures/staff/staff-list';
import { loginAs, putDistrict } from '../auth/accounts';
import { formOf } from '../auth/support/routes';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { mailCount } from './mailbox';

/**
 * The approval of a staff list is not a loop in the request: accepted while no worker runs, it writes nothing and
 * mails nobody; it is done, from where Temporal kept it, once the workers start.
 */
describe('staff list approval waits in Temporal for a worker, then completes', () => {
  let s: Services;
  let director: Record<string, string>;
  const addresses = STAFF_40.filter((r) => r.email && !r.fullName.startsWith('Соколова')).map(
    (r) => r.email!,
  );
  const invitations = async () =>
    (await Promise.all(addresses.map((a) => mailCount(a, /Приглашение/)))).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    s = await startServices({ projector: false, worker: false });
    await putDistrict(s, 'district-1', ['school-7']);
    director = await loginAs(s, 'director', 'school-7', { id: 'sokolova.director' });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
  });

  it('is accepted with no worker running, records nothing until one runs, then registers and invites all', async () => {
    const preview = await json(
      await fetch(`${s.baseUrl}/staff/imports`, {
        method: 'POST',
        headers: director,
        body: formOf({ schoolId: 'school-7' }, await staffXlsx(), 'Штатное расписание.xlsx'),
      }),
    );
    const head = await s.store.headPosition();
    const mails = await invitations();
    const accepted = await fetch(`${s.baseUrl}/staff/imports/${preview.importId}/approval`, {
      method: 'POST',
      headers: { ...director, Prefer: 'respond-async' },
    });
    expect(accepted.status).toBe(202);
    const { workflowId } = await json(accepted);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await s.temporal.workflow.getHandle(workflowId as string).describe()).status.name).toBe(
      'RUNNING',
    );
    expect(await s.store.headPosition()).toBe(head);
    expect(await invitations()).toBe(mails);
    // With no worker to answer the progress query, the run is reported without its figures, promptly.
    const waiting = await fetch(`${s.baseUrl}/staff/imports/${preview.importId}/approval`, {
      headers: director,
    });
    expect(await json(waiting)).toEqual({ importId: preview.importId, workflowId, status: 'running' });

    s.runWorkers();
    let status: JsonBody = {};
    for (let i = 0; i < 600 && status.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await json(
        await fetch(`${s.baseUrl}/staff/imports/${preview.importId}/approval`, { headers: director }),
      );
    }
    expect(status).toMatchObject({
      status: 'completed',
      done: 39,
      total: 39,
      report: { registered: 39, failed: [], invitations: { noEmail: ['baranova.sa'] } },
    });
    expect(status.report.invitations.sent).toHaveLength(38);
    expect(await invitations()).toBe(mails + 38);
  });
});
