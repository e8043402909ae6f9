import { stringify } from 'csv-stringify/sync';
import { seedTableCells } from '../../../../test/fixtures/seeds/seed-002-section-1';
import { readDecisionsReport } from '../decisions/read-report';
import { readSource } from '../readers';
import { DEFAULT_UPLOAD_LIMITS } from '../readers/limits';
import { DEFAULT_DIRECTORY } from '../staff/directory';
import { PlanParsePool } from './parse-pool';

/** Seed 002's section 1 as Excel saves it to CSV: every row as wide as the table. */
const csv = Buffer.from(
  stringify(
    seedTableCells().map((row) => [...row, ...Array<string>(6 - row.length).fill('')]),
    { delimiter: ';' },
  ),
);

/** A school's decisions report is read in the parsing threads, within the upload limits, like a plan. */
describe('the parse pool reads a decisions report off the event loop', () => {
  const pool = new PlanParsePool({ limits: { ...DEFAULT_UPLOAD_LIMITS, maxBytes: 64 * 1024 } });
  afterAll(() => pool.close());

  it('answers the same preview as the reader on the calling thread: every row accounted for', async () => {
    const input = { fileName: 'otchet.csv', bytes: csv, academicYear: '2023/24' };
    const preview = await pool.decisionsReport(input);
    const here = readDecisionsReport((await readSource('otchet.csv', csv)).rows, {
      academicYear: '2023/24',
      directory: DEFAULT_DIRECTORY,
    });
    expect(preview).toEqual(JSON.parse(JSON.stringify(here)));
    expect(preview.counts).toMatchObject({ meetings: 8, decisions: 23 });
    expect(preview.rows).toHaveLength(seedTableCells().length);
  }, 60_000);

  it('refuses a file over the byte limit with the upload code, reading nothing', async () => {
    const big = Buffer.concat([csv, Buffer.alloc(70 * 1024, 0x20)]);
    await expect(
      pool.decisionsReport({ fileName: 'otchet.csv', bytes: big, academicYear: '2023/24' }),
    ).rejects.toMatchObject({ code: 'UPLOAD_TOO_LARGE', kind: 'too-large' });
  }, 60_000);
});
