import type { ProcedureDocument } from '@vsoko/projections';
import { dynamicsReport } from './dynamics-report';

const procedure = (over: Partial<Record<string, unknown>> & { procedureId: string; title: string }) =>
  ({
    schoolId: 's',
    academicYear: '2023/24',
    status: 'analysed',
    analysis: {
      analysedOn: '2024-05-12',
      document: { title: 'Справка' },
      findings: [],
      figures: [{ indicator: 'Качество знаний', value: 60, unit: '%' }],
    },
    ...over,
  }) as unknown as ProcedureDocument;

const figures = (value: number, analysedOn: string) => ({
  analysedOn,
  document: { title: 'Справка' },
  findings: [],
  figures: [{ indicator: 'Качество знаний', value, unit: '%' }],
});

describe('section 3: the dynamics of one indicator across procedures and years', () => {
  it('follows last year’s procedure through the lineage, whatever this year’s is called', () => {
    const table = dynamicsReport('s', '2023/24', [
      procedure({
        procedureId: 'a',
        title: 'ВПР, 4 кл.',
        academicYear: '2022/23',
        analysis: figures(50, '2023-05-10'),
      }),
      procedure({ procedureId: 'b', title: 'ВПР по математике в 4 классах', lineageId: 'a' }),
    ]);
    expect(table.rows.map((r) => [r[0], r[2], r[5], r[7]])).toEqual([
      [1, 'ВПР, 4 кл.', 50, null],
      [null, 'ВПР по математике в 4 классах', 60, 10],
    ]);
  });

  it('puts a re-check on its procedure’s line', () => {
    const table = dynamicsReport('s', '2023/24', [
      procedure({ procedureId: 'p', title: 'ВПР', analysis: figures(40, '2023-10-10') }),
      procedure({
        procedureId: 'r',
        title: 'Повторная проверка: ВПР',
        parentProcedureId: 'p',
        analysis: figures(47, '2024-02-10'),
      }),
    ]);
    expect(table.rows.map((r) => [r[0], r[5], r[7]])).toEqual([
      [1, 40, null],
      [null, 47, 7],
    ]);
  });

  it('keeps procedures of different titles and no link apart, and leaves out procedures without figures', () => {
    const table = dynamicsReport('s', '2023/24', [
      procedure({ procedureId: 'x', title: 'ВПР по математике' }),
      procedure({ procedureId: 'y', title: 'ВПР по русскому языку' }),
      procedure({
        procedureId: 'z',
        title: 'Анкетирование',
        analysis: { ...figures(1, '2024-01-01'), figures: [] },
      }),
    ]);
    expect(table.rows.map((r) => [r[0], r[2]])).toEqual([
      [1, 'ВПР по математике'],
      [2, 'ВПР по русскому языку'],
    ]);
  });
});
