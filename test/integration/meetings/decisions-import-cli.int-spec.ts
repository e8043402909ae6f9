import { decisionStreamName, meetingStreamName } from '@vsoko/domain';
import { stringify } from 'csv-stringify/sync';
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SEED_002_SECTION_1, seedTableCells } from '../../fixtures/seeds/seed-002-section-1';
import { startServices, type Services } from '../harness';

const ROOT = path.join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/** Seed 002's section 1 as Excel saves it to CSV: every row as wide as the table. */
function writeReport(dir: string): string {
  const file = path.join(dir, 'otchet.csv');
  const padded = seedTableCells().map((row) => [...row, ...Array<string>(6 - row.length).fill('')]);
  fs.writeFileSync(file, stringify(padded, { delimiter: ';' }));
  return file;
}

/** `npm run vsoko -- decisions import <file> --school … --year … --dry-run --json` prints the preview, writes nothing. */
describe('decisions import from the school’s own report (CLI, dry run)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-decisions-import-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('previews seed 002’s meetings and decisions with their deadlines read, every row accounted for', () => {
    const file = writeReport(dir);
    const cells = seedTableCells();
    const out = execFileSync(
      process.execPath,
      [
        'infra/scripts/run-ts.js',
        'services/cli/src/main.ts',
        'decisions',
        'import',
        file,
        '--school',
        'ilyinskaya',
        '--year',
        '2023/24',
        '--dry-run',
        '--json',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, VSOKO_API_URL: 'http://127.0.0.1:9' },
      },
    );
    const preview = JSON.parse(out) as {
      counts: { meetings: number; decisions: number };
      rows: unknown[];
      meetings: Array<{
        levelAsWritten: string;
        decisions: Array<{ deadline: { parsed: { kind: string } } }>;
      }>;
    };
    expect(preview.counts).toMatchObject({ meetings: 8, decisions: 23 });
    expect(preview.rows).toHaveLength(cells.length);
    expect(preview.meetings.map((m) => m.levelAsWritten)).toEqual(
      SEED_002_SECTION_1.map((m) => m.levelAsWritten),
    );
    expect(preview.meetings[0].decisions.map((d) => d.deadline.parsed.kind)).toEqual([
      'months',
      'months',
      'year',
    ]);
  }, 120_000);
});

const TRIMESTERS = [
  { number: 1, from: '2023-09-01', to: '2023-11-30' },
  { number: 2, from: '2023-12-01', to: '2024-02-29' },
  { number: 3, from: '2024-03-01', to: '2024-05-31' },
];

/** `decisions import <file> --school … --year … --yes`: every meeting planned, held and given its decisions through the API. */
describe('decisions import from the school’s own report (CLI, --yes)', () => {
  let s: Services;
  let token: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-decisions-yes-'));
  const schoolId = `ilyinskaya-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    token = (await s.loginAs('director', schoolId)).Authorization.slice('Bearer '.length);
    // The school's year is in trimesters: «в течение года» is read by them, not by the default's quarters.
    const set = await fetch(`${s.baseUrl}/schools/${schoolId}/calendars/2023-24`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        termKind: 'trimester',
        weekDays: 5,
        terms: TRIMESTERS,
        daysOff: [],
        workingWeekends: [],
      }),
    });
    expect(set.status).toBe(200);
  });
  afterAll(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const vsoko = async (file: string) =>
    (
      await run(
        process.execPath,
        [
          'infra/scripts/run-ts.js',
          'services/cli/src/main.ts',
          'decisions',
          'import',
          file,
          '--school',
          schoolId,
          '--year',
          '2023/24',
          '--yes',
          '--api',
          s.baseUrl,
        ],
        { cwd: ROOT, env: { ...process.env, VSOKO_TOKEN: token } },
      )
    ).stdout;

  it('records each meeting held with its decisions, and a second run records nothing twice', async () => {
    const file = writeReport(dir);
    const out = await vsoko(file);
    expect(out.match(/^записано: /gm)).toHaveLength(SEED_002_SECTION_1.length);

    // What people recorded, stream by stream: the decisions' workflows write too (a decision due in 2023 is marked
    // missed as soon as it is entered), at their own pace.
    const byPeople = async (stream: string) =>
      (await s.store.readStream(stream)).filter((e) => e.metadata.actor.kind !== 'system').length;
    const streams = async () => {
      const found: Record<string, number> = {};
      for (const [i, meeting] of SEED_002_SECTION_1.entries()) {
        const meetingId = `imp-${schoolId}-2023-24-${i + 1}`;
        found[meetingId] = await byPeople(meetingStreamName(meetingId));
        for (const n of meeting.decisions.keys()) {
          const decisionId = `${meetingId}-${n + 1}`;
          found[decisionId] = await byPeople(decisionStreamName(decisionId));
        }
      }
      return found;
    };
    const first = await streams();
    const meetingIds = SEED_002_SECTION_1.map((_, i) => `imp-${schoolId}-2023-24-${i + 1}`);
    for (const [i, meetingId] of meetingIds.entries()) {
      const events = await s.store.readStream(meetingStreamName(meetingId));
      expect(events.map((e) => e.type)).toEqual(['MeetingPlanned', 'MeetingHeld']);
      expect(events[0].data).toMatchObject({ schoolId, level: SEED_002_SECTION_1[i].level });
    }
    const adopted = Object.entries(first).filter(([id, n]) => !meetingIds.includes(id) && n > 0);
    expect(adopted).toHaveLength(SEED_002_SECTION_1.flatMap((m) => m.decisions).length);
    for (const [decisionId] of adopted) {
      const [event] = await s.store.readStream(decisionStreamName(decisionId));
      expect(event).toMatchObject({ type: 'DecisionAdopted', data: { schoolId, academicYear: '2023/24' } });
    }

    await vsoko(file);
    expect(await streams()).toEqual(first);
  }, 240_000);

  it('reads «в течение года» by the school’s own calendar, as the API’s import does: trimester ends', async () => {
    // Meeting 1 (August 2023), decision 3: «В течение года».
    const [adopted] = await s.store.readStream(decisionStreamName(`imp-${schoolId}-2023-24-1-3`));
    expect(adopted.data).toMatchObject({
      deadline: {
        asWritten: 'В течение года',
        parsed: { kind: 'year', due: '2024-05-31', checkIns: ['2023-11-30', '2024-02-29'] },
      },
    });
  });
});
