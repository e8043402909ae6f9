import { randomUUID } from 'node:crypto';
import { decisionStreamName } from '@vsoko/domain';
import { json, startServices, type Services } from '../harness';
import { heldPedsovet, posts, until } from './support/fixture';

const SCHOOL = 'school-od';
const YEAR = '2023/24';

/**
 * `GET /decision-records?overdue=…`: a school's meeting decisions whose deadline in force was missed, picked by
 * the server (the district's school page asks for those in work), validated like the other filters.
 */
describe('overdue meeting decisions, filtered by the server', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingId = `m-${tag}`;
  const [late, onTime, executed] = ['late', 'on-time', 'executed'].map((k) => `d-${k}-${tag}`);

  const { ok } = posts(
    () => ({ baseUrl: s.baseUrl, headers: director }),
    (position) => (head = Math.max(head, position)),
  );

  /**
   * Waits for the decision's workflow to mark its deadline missed: entered after its day, it is overdue at once
   * (a decision due in 2023 entered today).
   */
  const markedMissed = async (decisionId: string) => {
    const event = await until(`${decisionId} to be marked missed`, async () =>
      (await s.store.readStream(decisionStreamName(decisionId))).find(
        (e) => e.type === 'DecisionDeadlineMissed',
      ),
    );
    head = Math.max(head, event.position);
  };

  const list = async (headers: Record<string, string>, filter: string) => {
    const res = await fetch(
      `${s.baseUrl}/decision-records?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}&${filter}&waitForPosition=${head}&timeoutMs=30000`,
      { headers },
    );
    return { status: res.status, body: await json(res) };
  };
  const ids = async (filter: string) => {
    const { status, body } = await list(director, filter);
    expect(status).toBe(200);
    return (body.items as { _id: string }[]).map((r) => r._id);
  };

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    await heldPedsovet(ok, {
      id: meetingId,
      academicYear: YEAR,
      date: '2023-09-28',
      title: 'Итоги стартовой диагностики',
      heard: 'Об итогах',
      decisionIds: [late, onTime, executed],
    });
    for (const [number, id] of [late, onTime, executed].entries())
      await ok(`/meetings/${meetingId}/decisions`, {
        id,
        number: number + 1,
        wording: `Решение ${number + 1}`,
        executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' } },
        // A standing decision is never due as a whole: in work and not overdue, whatever today is.
        deadline: { asWritten: id === onTime ? 'постоянно' : 'Октябрь 2023г' },
      });
    await markedMissed(late);
    await markedMissed(executed);
    await ok(`/decisions/${executed}/execution`, { executedOn: '2023-11-10' });
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('lists the ones in work whose day was missed, and only those', async () => {
    expect(await ids('active=true&overdue=true')).toEqual([late]);
  });

  it('filters by the missed deadline alone, and by its absence', async () => {
    expect((await ids('overdue=true')).sort()).toEqual([executed, late].sort());
    expect(await ids('overdue=false')).toEqual([onTime]);
    expect(await ids('active=true&overdue=false')).toEqual([onTime]);
  });

  it('refuses a value that is not true or false, in Russian, with the validation code', async () => {
    for (const bad of ['yes', '1', '']) {
      const { status, body } = await list(director, `overdue=${bad}`);
      expect({ bad, status, code: body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
      expect(String(body.message)).toBe('Неверные данные запроса: overdue');
    }
  });

  it('shows another school’s director none of them', async () => {
    const other = await s.loginAs('director', 'school-other');
    const res = await fetch(
      `${s.baseUrl}/decision-records?academicYear=${encodeURIComponent(YEAR)}&overdue=true&waitForPosition=${head}&timeoutMs=30000`,
      { headers: other },
    );
    expect(res.status).toBe(200);
    expect((await json(res)).items).toEqual([]);
  });
});
