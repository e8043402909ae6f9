import type { DecisionRecordDocument, ProcedureDocument } from '@vsoko/projections';
import { dynamicsReport } from '../../reports/dynamics-report';
import { measuresReport } from '../../reports/measures-report';
import { cellText, dynamicsRows, measureRows } from './report-rows';

const analysed = (procedureId: string, academicYear: string, value: number, analysedOn: string, over = {}) =>
  ({
    procedureId,
    schoolId: 's',
    academicYear,
    title: 'ВПР по математике, 4 класс',
    status: 'analysed',
    analysis: {
      analysedOn,
      document: { title: 'Справка по итогам ВПР' },
      findings: [],
      figures: [{ indicator: 'Качество знаний', value, unit: '%' }],
    },
    ...over,
  }) as unknown as ProcedureDocument;

const measure = (decisionId: string, number: number, over: Record<string, unknown>) =>
  ({
    decisionId,
    schoolId: 's',
    academicYear: '2023/24',
    number,
    wording: 'Использование в качестве подготовки к ВПР КИМы интернет-ресурсов',
    adoptedBy: {
      kind: 'meeting',
      meetingId: 'm1',
      level: 'pedagogical-council',
      date: { precision: 'month', month: '2023-08' },
      protocolNumber: 1,
    },
    executors: { lead: { name: 'Зам.директора по УВР' }, coExecutors: [], asWritten: 'Зам.директора по УВР' },
    scope: {},
    status: 'open',
    overdue: false,
    assessments: [],
    executedOn: null,
    ...over,
  }) as unknown as DecisionRecordDocument;

describe("the report's sections 2 and 3 as the Word template's loops", () => {
  it('section 2: a measure with its classes, subjects and teachers as written, where it was adopted', () => {
    const rows = measureRows(
      measuresReport('s', '2023/24', [
        measure('d1', 1, {
          scope: {
            classes: { asWritten: '3,4' },
            subjects: ['Русский язык', 'математика'],
            teachers: ['Учителя начальных классов'],
          },
        }),
        measure('d2', 2, { wording: 'Не мероприятие: без классов и предметов' }),
        measure('d3', 3, {
          wording: 'Принять участие в мониторинге ЦОКО',
          scope: { classes: { asWritten: '1-6' } },
          status: 'executed',
          executedOn: '2024-03-01',
        }),
      ]),
    );
    expect(rows).toEqual([
      {
        n: '1',
        year: '2023-2024',
        measure: '1. Использование в качестве подготовки к ВПР КИМы интернет-ресурсов',
        classes: '3,4',
        subjects: 'Русский язык, математика',
        teachers: 'Учителя начальных классов',
        adopted: expect.stringContaining('протокол № 1'),
        status: expect.any(String),
        executedOn: '',
        effectiveness: '',
      },
      expect.objectContaining({
        n: '',
        year: '',
        measure: '2. Принять участие в мониторинге ЦОКО',
        classes: '1-6',
        teachers: 'Зам.директора по УВР',
        executedOn: '01.03.2024',
      }),
    ]);
  });

  it('section 3: values with a decimal comma, the change signed, dates as dd.mm.yyyy', () => {
    const rows = dynamicsRows(
      dynamicsReport('s', '2024/25', [
        analysed('a', '2023/24', 58, '2024-05-10'),
        analysed('b', '2024/25', 62.5, '2025-05-12', { lineageId: 'a' }),
        analysed('c', '2024/25', 60, '2025-05-20', { parentProcedureId: 'b', title: 'Повторная ВПР' }),
      ]),
    );
    expect(rows.map((r) => [r.n, r.indicator, r.year, r.analysedOn, r.value, r.unit, r.change])).toEqual([
      ['1', 'Качество знаний', '2023-2024', '10.05.2024', '58', '%', ''],
      ['', '', '2024-2025', '12.05.2025', '62,5', '%', '+4,5'],
      ['', '', '2024-2025', '20.05.2025', '60', '%', '-2,5'],
    ]);
    expect(rows[0].document).toBe('Справка по итогам ВПР');
  });

  it('writes an empty cell as nothing and keeps text as it is', () => {
    expect([cellText(null), cellText(undefined), cellText('В течение года'), cellText(0.5)]).toEqual([
      '',
      '',
      'В течение года',
      '0,5',
    ]);
  });
});
