import { academicYearOf, localDateOf } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { loginAs } from '../auth/accounts';
import { json, startServices, type Services } from '../harness';

describe("a school's reminder settings", () => {
  let s: Services;
  const school = `school-${randomUUID().slice(0, 6)}`;
  beforeAll(async () => {
    s = await startServices({ projector: false });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const settings = (headers: Record<string, string>, body?: unknown) =>
    fetch(`${s.baseUrl}/schools/${school}/reminder-settings`, {
      method: body ? 'PUT' : 'GET',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('are the defaults until the director changes them, as an event; procedures scheduled later carry them', async () => {
    const director = await loginAs(s, 'director', school, { id: `dir-${school}` });
    const teacher = await loginAs(s, 'teacher', school, { id: `t-${school}` });

    expect(await json(await settings(teacher))).toEqual({
      daysBefore: [7, 1],
      escalationGraceDays: 3,
      preparationDaysBefore: [3],
      escalation: [
        { afterDays: 1, to: 'responsible' },
        { afterDays: 3, to: 'deputy' },
        { afterDays: 5, to: 'director' },
        { afterDays: 10, to: 'inspector' },
      ],
      repeatEveryDays: 7,
      dayOffPolicy: 'next-working-day',
      custom: false,
    });
    expect((await settings(teacher, { daysBefore: [3], escalationGraceDays: 1 })).status).toBe(403);

    const changed = await settings(director, { daysBefore: [3, 14], escalationGraceDays: 5 });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({
      daysBefore: [14, 3],
      escalationGraceDays: 5,
      eventTypes: ['ReminderSettingsChanged'],
    });
    const again = await settings(director, { daysBefore: [14, 3], escalationGraceDays: 5 });
    expect(await json(again)).toMatchObject({ eventTypes: [] });
    const bad = await settings(director, { daysBefore: [0], escalationGraceDays: 99 });
    expect(bad.status).toBe(400);

    const stream = await s.store.readStream(`school-${school}`);
    expect(stream.map((e) => e.type)).toEqual(['ReminderSettingsChanged']);
    expect(stream[0].metadata.actor).toMatchObject({ id: `dir-${school}` });

    const today = localDateOf(Date.now(), 'Europe/Moscow');
    const id = `p-${randomUUID()}`;
    const scheduled = await fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director },
      body: JSON.stringify({
        id,
        schoolId: school,
        academicYear: academicYearOf(today),
        title: 'Анкетирование родителей',
        direction: 'satisfaction',
        responsible: { role: 'deputy', name: 'Заместитель директора по ВР' },
        window: { from: today, to: today },
      }),
    });
    expect(scheduled.status).toBe(201);
    const [event] = await s.store.readStream(`procedure-${id}`);
    expect(event.data).toMatchObject({ reminders: { daysBefore: [14, 3], escalationGraceDays: 5 } });
  });
});
