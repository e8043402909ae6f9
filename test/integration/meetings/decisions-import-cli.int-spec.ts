import { stringify } from 'csv-stringify/sync';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEED_002_SECTION_1, seedTableCells } from '../../fixtures/seeds/seed-002-section-1';

/** `npm run vsoko -- decisions import <file> --school … --year … --dry-run --json` prints the preview, writes nothing. */
describe('decisions import from the school’s own report (CLI, dry run)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-decisions-import-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('previews seed 002’s meetings and decisions with their deadlines read, every row accounted for', () => {
    const file = path.join(dir, 'otchet.csv');
    const cells = seedTableCells();
    // As Excel saves a sheet: every row as wide as the table.
    const padded = cells.map((row) => [...row, ...Array<string>(6 - row.length).fill('')]);
    fs.writeFileSync(file, stringify(padded, { delimiter: ';' }));
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
        cwd: path.join(__dirname, '..', '..', '..'),
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
