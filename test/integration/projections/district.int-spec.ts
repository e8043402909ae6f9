import { putDistrict } from '../auth/accounts';
import { academicYearOf, localDateOf } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { json, startServices, type Services } from '../harness';

describe("a procedure carries its school's district into the log and the read models", () => {
  let s: Services;
  const tag = randomUUID().slice(0, 6);
  const [district, school] = [`district-${tag}`, `school-${tag}`];

  beforeAll(async () => {
    s = await startServices();
    await putDistrict(s, district, [school]);
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('names the district in the first event and in the procedure document', async () => {
    const director = await s.loginAs('director', school, { id: `dir-${tag}` });
    const today = localDateOf(Date.now(), 'Europe/Moscow');
    const id = `p-${tag}`;
    const res = await fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director },
      body: JSON.stringify({
        id,
        schoolId: school,
        academicYear: academicYearOf(today),
        title: 'Мониторинг ВПР',
        direction: 'results',
        responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
        window: { from: today, to: today },
      }),
    });
    expect(res.status).toBe(201);
    const { position } = await json(res);
    const [event] = await s.store.readStream(`procedure-${id}`);
    expect(event.metadata).toMatchObject({ schoolId: school, districtId: district });
    const doc = await fetch(`${s.baseUrl}/procedures/${id}?waitForPosition=${position}`, {
      headers: director,
    });
    expect(await json(doc)).toMatchObject({ _id: id, districtId: district });
  });
});
