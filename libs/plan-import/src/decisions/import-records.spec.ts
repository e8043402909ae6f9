import { importedRecords } from './import-records';
import type { DecisionsReportPreview, ImportedDecision } from './read-report';

const decision = (number: number, over: Partial<ImportedDecision> = {}): ImportedDecision => ({
  row: 2 + number,
  number,
  wording: `Решение ${number}`,
  deadline: {
    asWritten: 'В течение года',
    parsed: { kind: 'year', academicYear: '2023/24', due: '2024-05-31', checkIns: ['2023-10-27'] },
  },
  executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' }, coExecutors: [] },
  warnings: [],
  ...over,
});

const report = (decisions: ImportedDecision[]): DecisionsReportPreview => ({
  academicYear: '2023/24',
  meetings: [
    {
      row: 3,
      number: '1',
      level: 'pedagogical-council',
      levelAsWritten: 'Педагогический совет',
      date: { precision: 'month', month: '2023-08' },
      dateAsWritten: 'Август 2023',
      decisions,
    },
  ],
  rows: [],
  counts: { meetings: 1, decisions: decisions.length, warnings: 0 },
});

describe('the records a school’s report becomes', () => {
  it('names meetings and decisions, and each step’s command, by school, year and the report’s order', () => {
    const [meeting] = importedRecords(report([decision(1), decision(2)]), 'ilyinskaya');
    expect(meeting).toMatchObject({
      meetingId: 'imp-ilyinskaya-2023-24-1',
      planCommandId: 'imp-ilyinskaya-2023-24-1-plan',
      heldCommandId: 'imp-ilyinskaya-2023-24-1-held',
      academicYear: '2023/24',
      level: 'pedagogical-council',
      date: { precision: 'month', month: '2023-08' },
      agenda: [{ itemId: 'item-1', title: 'Результаты оценочных процедур' }],
      skipped: [],
    });
    expect(meeting.decisions.map((d) => [d.decisionId, d.adoptCommandId])).toEqual([
      ['imp-ilyinskaya-2023-24-1-1', 'imp-ilyinskaya-2023-24-1-1-adopt'],
      ['imp-ilyinskaya-2023-24-1-2', 'imp-ilyinskaya-2023-24-1-2-adopt'],
    ]);
    expect(meeting.decisions[0].deadline).toEqual({
      asWritten: 'В течение года',
      parsed: { kind: 'year', academicYear: '2023/24', due: '2024-05-31', checkIns: ['2023-10-27'] },
    });
  });

  it('leaves out, and says so, a decision whose responsible nobody wrote', () => {
    const [meeting] = importedRecords(report([decision(1), decision(2, { executors: null })]), 's');
    expect(meeting.decisions.map((d) => d.number)).toEqual([1]);
    expect(meeting.skipped).toEqual([
      { row: 4, number: 2, wording: 'Решение 2', reason: expect.stringMatching(/Ответственный не указан/) },
    ]);
  });

  it('keeps ids within the 64 characters a stream id may have', () => {
    const [meeting] = importedRecords(report([decision(12)]), 'a'.repeat(64));
    expect(meeting.meetingId).toHaveLength(64);
    expect(meeting.decisions[0].decisionId.length).toBeLessThanOrEqual(64);
  });
});
