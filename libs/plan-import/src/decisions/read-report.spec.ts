import {
  normalisedCell,
  SEED_002_SECTION_1,
  seedTableCells,
} from '../../../../test/fixtures/seeds/seed-002-section-1';
import { DEFAULT_DIRECTORY } from '../staff/directory';
import type { SourceRow } from '../readers/source-table';
import { meetingDateOf, meetingLevelOf, readDecisionsReport, splitDecisions } from './read-report';

function seedTable(): SourceRow[] {
  return seedTableCells().map((c, i) => ({ rowNumber: i + 1, location: `строка ${i + 1}`, cells: c }));
}

describe('seed 002 read from the school’s own report', () => {
  const preview = readDecisionsReport(seedTable(), { academicYear: '2023/24', directory: DEFAULT_DIRECTORY });

  it('finds its 8 meetings and 23 decisions, each with its level, date, deadline and responsible as written', () => {
    expect(preview.counts).toMatchObject({ meetings: 8, decisions: 23 });
    preview.meetings.forEach((m, i) => {
      const seed = SEED_002_SECTION_1[i];
      expect([m.level, m.association, m.title, m.date]).toEqual([
        seed.level,
        seed.association,
        seed.title,
        seed.date,
      ]);
      expect(
        m.decisions.map((d) => [d.number, d.wording, d.deadline.asWritten ?? '', d.executors?.asWritten]),
      ).toEqual(
        seed.decisions.map((d, j) => [
          j + 1,
          normalisedCell(d.wording),
          d.deadline.replace(/\s+/g, ' ').trim(),
          normalisedCell(d.responsible),
        ]),
      );
    });
  });

  it('accounts for every row: headings, meetings, decisions, the empty «2.», what lies outside section 1', () => {
    expect(preview.rows).toHaveLength(seedTable().length);
    expect(preview.rows.filter((r) => r.became === 'heading')).toHaveLength(2);
    expect(preview.rows.filter((r) => r.became === 'meeting')).toHaveLength(8);
    expect(preview.rows.filter((r) => r.became === 'empty')).toEqual([
      expect.objectContaining({ message: 'Пустое решение без текста' }),
    ]);
    expect(preview.rows.filter((r) => r.became === 'outside')).toHaveLength(2);
  });

  it('takes a blank responsible from the row above, and says so', () => {
    const shmo = preview.meetings[2].decisions[1];
    expect(shmo.executors?.asWritten).toBe('Руководители ШМО, классные руководители, учителя-предметники');
    expect(shmo.warnings).toEqual(['Ответственный не указан: взят из строки выше (объединённая ячейка)']);
  });
});

describe('cells of such reports', () => {
  it.each([
    ['Педагогический совет', { level: 'pedagogical-council' }],
    [
      'Общешкольное родительское собрание',
      { level: 'parent-meeting', title: 'Общешкольное родительское собрание' },
    ],
    [
      'Заседание ШМО учителей начальных классов',
      { level: 'subject-association', association: 'учителей начальных классов' },
    ],
    ['Совещание при директоре', { level: 'director-meeting' }],
  ])('level «%s»', (text, level) => {
    expect(meetingLevelOf(text)).toEqual(level);
  });

  it('dates: a month with or without «г», a day, nothing, or not a date', () => {
    expect(meetingDateOf('Февраль 2024г')).toEqual({ precision: 'month', month: '2024-02' });
    expect(meetingDateOf('Август 2023')).toEqual({ precision: 'month', month: '2023-08' });
    expect(meetingDateOf('30.08.2023')).toEqual({ precision: 'day', date: '2023-08-30' });
    expect(meetingDateOf('')).toEqual({ precision: 'unknown' });
    expect(meetingDateOf('в конце года')).toBeNull();
  });

  it('splits a cell of numbered decisions', () => {
    expect(splitDecisions('1. Первое.\n\n2. Второе\nс переносом.')).toEqual([
      { number: 1, wording: 'Первое.' },
      { number: 2, wording: 'Второе с переносом.' },
    ]);
  });
});
