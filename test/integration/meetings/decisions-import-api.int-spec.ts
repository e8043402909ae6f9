import { decisionStreamName, meetingStreamName } from '@vsoko/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import {
  normalisedCell,
  SEED_002_SECTION_1,
  seedRows,
  seedTableCells,
} from '../../fixtures/seeds/seed-002-section-1';
import { json, startServices, type JsonBody, type Services } from '../harness';

const YEAR = '2023/24';

/** Seed 002's section 1 as Excel saves it to CSV: every row as wide as the table. */
function seedReportCsv(): string {
  const padded = seedTableCells().map((row) => [...row, ...Array<string>(6 - row.length).fill('')]);
  return stringify(padded, { delimiter: ';' });
}

function form(fields: Record<string, string>, file: string | Buffer, fileName: string): FormData {
  const f = new FormData();
  f.append('file', new Blob([file]), fileName);
  for (const [name, value] of Object.entries(fields)) f.append(name, value);
  return f;
}

/**
 * Onboarding through the API (issue 13, item 8): the school's own report is uploaded, previewed with every row
 * accounted for and nothing written, then approved — each meeting held with its decisions, under the same ids as
 * the CLI's `decisions import`, so a repeat (or the other path) writes nothing twice.
 */
describe('decisions report import: upload → preview → approval', () => {
  let s: Services;
  let director: Record<string, string>;
  let deputy: Record<string, string>;
  let teacher: Record<string, string>;
  let otherDirector: Record<string, string>;
  const schoolId = `ilyinskaya-${randomUUID().slice(0, 8)}`;
  const otherSchool = `other-${randomUUID().slice(0, 8)}`;
  const meetingIds = SEED_002_SECTION_1.map((_, i) => `imp-${schoolId}-2023-24-${i + 1}`);
  let importId: string;

  const upload = (
    headers: Record<string, string>,
    fields: Record<string, string>,
    file: string | Buffer,
    name = 'otchet.csv',
  ) => fetch(`${s.baseUrl}/decisions/imports`, { method: 'POST', headers, body: form(fields, file, name) });
  const approve = (headers: Record<string, string>, id: string) =>
    fetch(`${s.baseUrl}/decisions/imports/${id}/approval`, { method: 'POST', headers });

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', schoolId);
    deputy = await s.loginAs('deputy', schoolId);
    teacher = await s.loginAs('teacher', schoolId);
    otherDirector = await s.loginAs('director', otherSchool);
  }, 180_000);
  afterAll(() => s?.stop());

  it('previews every meeting and decision under the ids it will have, every row accounted for, writing nothing', async () => {
    const head = await s.store.headPosition();
    const res = await upload(deputy, { schoolId, academicYear: YEAR }, seedReportCsv());
    const preview = await json(res);
    expect(res.status).toBe(200);
    importId = preview.importId as string;
    expect(importId).toMatch(/^dimp-[0-9a-f]{24}$/);
    expect(preview).toMatchObject({
      schoolId,
      academicYear: YEAR,
      timeZone: 'Europe/Moscow',
      counts: { meetings: 8, decisions: 23, skipped: 0, recorded: 0 },
    });
    expect(preview.rows).toHaveLength(seedTableCells().length);
    expect(preview.meetings.map((m: JsonBody) => m.meetingId)).toEqual(meetingIds);
    expect(preview.meetings.map((m: JsonBody) => m.levelAsWritten)).toEqual(
      SEED_002_SECTION_1.map((m) => m.levelAsWritten),
    );
    expect(preview.meetings[0].decisions.map((d: JsonBody) => d.deadline.parsed.kind)).toEqual([
      'months',
      'months',
      'year',
    ]);
    expect(preview.meetings.every((m: JsonBody) => m.recorded === false)).toBe(true);
    expect(await s.store.headPosition()).toBe(head);

    // The same report again finds the same stored preview.
    const again = await json(await upload(director, { schoolId, academicYear: YEAR }, seedReportCsv()));
    expect(again.importId).toBe(importId);
  });

  it('refuses other schools, other roles and bad files with a Russian message and a stable code', async () => {
    const head = await s.store.headPosition();
    const foreign = await upload(otherDirector, { schoolId, academicYear: YEAR }, seedReportCsv());
    expect(foreign.status).toBe(403);
    expect(await json(foreign)).toMatchObject({ code: 'SCHOOL_MISMATCH' });

    const byTeacher = await upload(teacher, { schoolId, academicYear: YEAR }, seedReportCsv());
    expect(byTeacher.status).toBe(403);
    expect(await json(byTeacher)).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });

    const empty = await upload(director, { schoolId, academicYear: YEAR }, '');
    expect(empty.status).toBe(400);
    expect(await json(empty)).toMatchObject({
      code: 'FILE_REQUIRED',
      message: expect.stringMatching(/файл/),
    });

    const broken = await upload(director, { schoolId }, Buffer.from('не таблица'), 'otchet.xlsx');
    const brokenBody = await json(broken);
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    expect(brokenBody.code).toMatch(/^[A-Z_]+$/);
    expect(brokenBody.message).toMatch(/[а-яё]/i);

    const badYear = await upload(director, { schoolId, academicYear: '2023' }, seedReportCsv());
    expect(badYear.status).toBe(400);

    // Another school's preview id answers exactly as an unknown one.
    const stranger = await approve(otherDirector, importId);
    const unknown = await approve(director, `dimp-${'0'.repeat(24)}`);
    expect([stranger.status, unknown.status]).toEqual([404, 404]);
    const [a, b] = [await json(stranger), await json(unknown)];
    expect(a.code).toBe('DECISIONS_IMPORT_NOT_FOUND');
    expect(b.code).toBe('DECISIONS_IMPORT_NOT_FOUND');
    expect((await approve(teacher, importId)).status).toBe(403);
    expect(await s.store.headPosition()).toBe(head);
  });

  it('approves: every meeting held with its decisions, the report gives back the section; a second approval writes nothing', async () => {
    const res = await approve(director, importId);
    const approval = await json(res);
    expect(res.status).toBe(200);
    expect(approval).toMatchObject({
      importId,
      schoolId,
      meetings: { recorded: 8, already: 0 },
      decisions: { recorded: 23, already: 0, skipped: 0 },
      failed: [],
    });
    // One approval, one correlation id across every meeting it records, in the director's name.
    const correlations = new Set<string>();
    for (const [i, meetingId] of meetingIds.entries()) {
      const events = await s.store.readStream(meetingStreamName(meetingId));
      expect(events.map((e) => e.type)).toEqual(['MeetingPlanned', 'MeetingHeld']);
      expect(events[0].data).toMatchObject({ schoolId, level: SEED_002_SECTION_1[i].level });
      expect(events[1].metadata).toMatchObject({ actor: { id: `director-${schoolId}` } });
      for (const e of events) correlations.add(e.metadata.correlationId);
    }
    expect(correlations.size).toBe(1);
    const [first] = await s.store.readStream(decisionStreamName(`${meetingIds[0]}-1`));
    expect(first).toMatchObject({ type: 'DecisionAdopted', data: { schoolId, academicYear: YEAR } });

    const report = await fetch(
      `${s.baseUrl}/reports/meetings.csv?schoolId=${schoolId}&academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${approval.position}&timeoutMs=30000`,
      { headers: director },
    );
    expect(report.status).toBe(200);
    const rows = parse((await report.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r.slice(0, 6).map(normalisedCell))).toEqual(seedRows());

    const head = await s.store.headPosition();
    const again = await json(await approve(director, importId));
    expect(again).toMatchObject({
      meetings: { recorded: 0, already: 8 },
      decisions: { recorded: 0, already: 23 },
      failed: [],
      position: 0,
    });
    // Nothing in anyone's name: the decisions' workflows may still be marking the 2023 deadlines missed meanwhile.
    const since = await s.store.readAll({ afterPosition: head });
    expect(since.filter((e) => e.metadata.actor.kind !== 'system').map((e) => e.type)).toEqual([]);

    // A new upload of the report shows it as already in the log.
    const preview = await json(await upload(director, { schoolId, academicYear: YEAR }, seedReportCsv()));
    expect(preview.counts).toMatchObject({ decisions: 23, recorded: 23 });
    expect(preview.meetings.every((m: JsonBody) => m.recorded === true)).toBe(true);
  }, 240_000);
});
