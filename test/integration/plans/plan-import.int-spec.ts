import { addDays } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { docxOf } from '../../fixtures/plans/build-files';
import { schoolCalendarOf } from '../../fixtures/plans/school-calendar';
import { seedTable, SEED_000, type Table } from '../../fixtures/plans/seed-tables';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { json, startServices, type JsonBody, type Services } from '../harness';

/** A year still ahead, so that reschedules are not refused as lying in the past. */
const NEXT = nextAcademicYear();
const YEAR = NEXT.year;

describe('importing a yearly plan (upload → preview → approval → procedure workflows)', () => {
  let s: Services;
  let director: Record<string, string>;
  let teacher: Record<string, string>;
  const schoolId = `school-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    s = await startServices({ projector: false });
    director = await s.loginAs('director', schoolId, { id: 'director-1' });
    teacher = await s.loginAs('teacher', schoolId, { id: 'teacher-1' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const upload = async (bytes: Buffer, name = 'plan-vsoko.docx') => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    form.append('schoolId', schoolId);
    form.append('academicYear', YEAR);
    const res = await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: director, body: form });
    return { status: res.status, body: await json(res) };
  };
  const approve = async (importId: string) => {
    const res = await fetch(`${s.baseUrl}/plans/imports/${importId}/approve`, {
      method: 'POST',
      headers: director,
    });
    return { status: res.status, body: await json(res) };
  };

  /** Seed 000 with its first procedure moved from August to September and one row deleted. */
  const revise = (table: Table): { table: Table; moved: string; deleted: string } => {
    const rows = table.map((r) => [...r]);
    const procedureRows = rows
      .map((r, i) => [r, i] as const)
      .filter(([r], i) => i > 0 && r.filter(Boolean).length >= 5);
    const [first] = procedureRows[0];
    const deletedRow = procedureRows[5][1];
    const deleted = rows[deletedRow][0];
    rows.splice(deletedRow, 1);
    const firstIndex = rows.indexOf(first);
    rows.splice(firstIndex, 1);
    const september = rows.findIndex((r) => r.some((c) => c.trim() === 'СЕНТЯБРЬ'));
    rows.splice(september + 1, 0, first);
    return { table: rows, moved: first[0], deleted };
  };

  it('previews every row, approves, re-imports with nothing new, then applies a revised plan', async () => {
    const table = seedTable(SEED_000);
    const file = await docxOf(table);
    const first = await upload(file);
    expect(first.status).toBe(200);
    const preview = first.body;
    expect(preview.entries).toHaveLength(table.length);
    expect(preview.summary.procedures).toBeGreaterThan(70);
    expect(preview.changes.added).toHaveLength(preview.summary.procedures);
    expect(await s.store.readStream(preview.importId)).toHaveLength(0);

    const approved = await approve(preview.importId);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ recorded: true, planRevision: 1, failed: [] });
    expect(approved.body.scheduled).toHaveLength(preview.summary.procedures);
    const planStream = approved.body.planStream as string;
    const planEvents = await s.store.readStream(planStream);
    expect(planEvents.map((e) => e.type)).toEqual(['PlanImported', 'PlanApproved']);
    expect(planEvents[1].metadata).toMatchObject({ actor: { id: 'director-1' }, schoolId });
    const someId = preview.procedures[0].procedureId as string;
    const scheduled = await s.store.readStream(`procedure-${someId}`);
    expect(scheduled[0]).toMatchObject({
      type: 'ProcedureScheduled',
      data: { window: { from: `${NEXT.start}-08-01`, to: `${NEXT.start}-08-31` }, direction: 'results' },
    });

    // The same file again: the same import, no new event, every procedure found already scheduled.
    const again = await upload(file);
    expect(again.body.importId).toBe(preview.importId);
    expect(again.body.changes).toMatchObject({ added: [], rescheduled: [], cancelled: [] });
    const reapproved = await approve(preview.importId);
    expect(reapproved.body).toMatchObject({ recorded: false, scheduled: [], rescheduled: [], failed: [] });
    expect(reapproved.body.alreadyThere).toHaveLength(preview.summary.procedures);
    expect(await s.store.readStream(planStream)).toHaveLength(2);
    expect(await s.store.readStream(`procedure-${someId}`)).toHaveLength(1);

    // A revised plan: one row moved to September, one deleted.
    const revised = revise(table);
    const third = await upload(await docxOf(revised.table), 'plan-vsoko-v2.docx');
    const changes = third.body.changes as JsonBody;
    expect(changes.added).toEqual([]);
    expect(changes.rescheduled).toEqual([
      {
        procedureId: someId,
        from: { from: `${NEXT.start}-08-01`, to: `${NEXT.start}-08-31` },
        to: { from: `${NEXT.start}-09-01`, to: `${NEXT.start}-09-30` },
      },
    ]);
    expect(changes.cancelled).toHaveLength(1);
    const applied = await approve(third.body.importId);
    expect(applied.body).toMatchObject({ recorded: true, planRevision: 3, scheduled: [], failed: [] });
    expect(applied.body.rescheduled).toEqual([someId]);
    expect(applied.body.cancelled).toEqual([changes.cancelled[0].procedureId]);

    const moved = await s.store.readStream(`procedure-${someId}`);
    expect(moved.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureRescheduled']);
    expect(moved[1].data).toMatchObject({
      window: { from: `${NEXT.start}-09-01`, to: `${NEXT.start}-09-30` },
    });
    const gone = await s.store.readStream(`procedure-${changes.cancelled[0].procedureId}`);
    expect(gone.at(-1)).toMatchObject({
      type: 'ProcedureCancelled',
      data: { reason: 'Строка удалена из пересмотренного плана' },
    });
  });

  it('reads terms and holidays by the school’s own calendar, shows the dates, and schedules them (issue 15)', async () => {
    const own = `${schoolId}-cal`;
    const head = await s.loginAs('director', own, { id: 'director-cal' });
    const csv = [
      '№;Мероприятие;Срок;Ответственный;Результат',
      '1;Анализ успеваемости за четверть;по итогам I четверти;Заместитель директора по УВР;Справка',
      '2;Проверка личных дел обучающихся;в каникулы;Классные руководители;Справка',
      '3;Итоговый педсовет;в конце учебного года;Директор;Протокол',
    ].join('\n');
    const previewOf = async () => {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'roadmap.csv');
      form.append('schoolId', own);
      form.append('academicYear', YEAR);
      const res = await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: head, body: form });
      expect(res.status).toBe(200);
      return json(res);
    };
    const row = (p: JsonBody, n: number) => (p.entries as JsonBody[]).find((e) => e.row === n)!;

    // No calendar of its own and none shipped for this year: month spans, and the preview says so.
    const before = await previewOf();
    expect(before.warnings[0]).toMatchObject({ row: 0, code: 'CALENDAR_MISSING' });
    expect(row(before, 2).window).toEqual({ from: `${NEXT.start}-09-01`, to: `${NEXT.start}-10-31` });

    const ownCalendar = schoolCalendarOf(NEXT.start);
    const { academicYear: _year, ...calendar } = ownCalendar;
    const [first] = ownCalendar.terms;
    const ru = (d: string) => d.split('-').reverse().join('.');
    const set = await fetch(`${s.baseUrl}/schools/${own}/calendars/${NEXT.stream}`, {
      method: 'PUT',
      headers: { ...head, 'content-type': 'application/json' },
      body: JSON.stringify(calendar),
    });
    expect(set.status).toBe(200);

    const preview = await previewOf();
    expect(preview.calendar).toEqual({ source: 'school', academicYear: YEAR });
    expect(preview.warnings.map((w: JsonBody) => w.code)).not.toContain('CALENDAR_MISSING');
    const quarter = row(preview, 2);
    expect(quarter.window).toEqual({ from: first.from, to: first.to });
    expect(quarter.warnings).toContainEqual({
      row: 2,
      code: 'DEADLINE_BY_CALENDAR',
      message: `Срок «по итогам I четверти» — I четверть по календарю школы: ${ru(first.from)} — ${ru(first.to)}`,
    });
    expect(row(preview, 3).occurrences).toEqual(
      ownCalendar.daysOff.filter((d) => d.kind === 'vacation').map(({ from, to }) => ({ from, to })),
    );
    const last = ownCalendar.terms[3].to;
    expect(row(preview, 4).window).toEqual({ from: addDays(last, -13), to: last });

    const approved = await fetch(`${s.baseUrl}/plans/imports/${preview.importId}/approve`, {
      method: 'POST',
      headers: head,
    });
    expect(approved.status).toBe(200);
    const [scheduled] = await s.store.readStream(`procedure-${row(preview, 2).procedureIds[0]}`);
    expect(scheduled.data).toMatchObject({ window: quarter.window });
  });

  it('refuses a teacher (403), an unknown import (404) and a missing file (400)', async () => {
    const form = new FormData();
    form.append('schoolId', schoolId);
    const noFile = await fetch(`${s.baseUrl}/plans/import`, {
      method: 'POST',
      headers: director,
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(await json(noFile)).toMatchObject({ code: 'FILE_REQUIRED' });

    const withFile = new FormData();
    withFile.append('file', new Blob([await docxOf(seedTable(SEED_000).slice(0, 5))]), 'p.docx');
    withFile.append('schoolId', schoolId);
    const forbidden = await fetch(`${s.baseUrl}/plans/import`, {
      method: 'POST',
      headers: teacher,
      body: withFile,
    });
    expect(forbidden.status).toBe(403);

    const unknown = await approve(`imp-${'0'.repeat(24)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PLAN_IMPORT_NOT_FOUND' });
  });
});
