import { docxOf, xlsxOf } from '../../../../test/fixtures/plans/build-files';
import { seedTable, SEED_000, SEED_001 } from '../../../../test/fixtures/plans/seed-tables';
import { buildPreview, type PreviewInput } from './build-preview';
import type { PlanPreview } from './types';

/** What an import without --year would fall back to: the current academic year of the test run's machine. */
const CURRENT = '2026/27';

const preview = (bytes: Buffer, fileName: string, over: Partial<PreviewInput> = {}) =>
  buildPreview({ schoolId: 'school-1', defaultAcademicYear: CURRENT, fileName, bytes, ...over });

const august = (p: PlanPreview) =>
  p.entries.find((e) => e.text.startsWith('Предметные результаты обучения | Итоги успеваемости'))!.window;

describe('a plan whose heading names its academic year is imported for that year without --year', () => {
  const seed000 = seedTable(SEED_000);

  it('reads «на 2025/26 учебный год» from the paragraphs above a Word table', async () => {
    const word = await docxOf(seed000, {
      heading: ['МБОУ «Средняя общеобразовательная школа № 1»', 'План ВСОКО на 2025/26 учебный год'],
    });
    const p = await preview(word, 'plan.docx');
    expect(p).toMatchObject({
      academicYear: '2025/26',
      academicYearFrom: 'heading',
      heading: 'План ВСОКО на 2025/26 учебный год',
    });
    expect(august(p)).toEqual({ from: '2025-08-01', to: '2025-08-31' });
    expect(p.warnings.filter((w) => w.code === 'ACADEMIC_YEAR_CONFLICT')).toEqual([]);
    // The same file for another year names other procedures: the year is part of every id.
    const named = await preview(word, 'plan.docx', { academicYear: '2025/26' });
    expect(named.procedures.map((x) => x.procedureId)).toEqual(p.procedures.map((x) => x.procedureId));
  });

  it('reads «2025–2026 уч. год» from a title row merged above an Excel sheet, and the table is the same', async () => {
    const table = seedTable(SEED_001);
    const titled = await preview(
      await xlsxOf(table, { title: ['Дорожная карта ВСОКО на 2025–2026 уч. год'] }),
      'roadmap.xlsx',
    );
    const plain = await preview(await xlsxOf(table), 'roadmap.xlsx', { academicYear: '2025/26' });
    expect(titled.academicYearFrom).toBe('heading');
    expect(titled.academicYear).toBe('2025/26');
    expect(titled.procedures.map((x) => [x.title, x.window])).toEqual(
      plain.procedures.map((x) => [x.title, x.window]),
    );
  });

  it('reads «2025-2026» from the title line of a CSV as Excel saves it', async () => {
    const csv = [
      'ПЛАН ВСОКО 2025-2026;;;;',
      '№;Мероприятие;Срок;Ответственный;Результат',
      '1;Мониторинг адаптации пятиклассников;октябрь;Заместитель директора по УВР;Аналитическая справка',
    ].join('\n');
    const p = await preview(Buffer.from(csv), 'plan.csv');
    expect(p.academicYear).toBe('2025/26');
    expect(p.procedures[0].window).toEqual({ from: '2025-10-01', to: '2025-10-31' });
  });

  it('keeps the year the caller names, and warns in the preview when the heading says another', async () => {
    const word = await docxOf(seed000, { heading: ['План ВСОКО на 2025/26 учебный год'] });
    const p = await preview(word, 'plan.docx', { academicYear: '2024/25' });
    expect(p).toMatchObject({ academicYear: '2024/25', academicYearFrom: 'request' });
    expect(august(p)).toEqual({ from: '2024-08-01', to: '2024-08-31' });
    expect(p.warnings[0]).toEqual({
      row: 0,
      code: 'ACADEMIC_YEAR_CONFLICT',
      message: expect.stringMatching(/2025\/26.*2024\/25/),
    });
    expect(p.summary.warnings).toBe(p.warnings.length);
  });

  it('falls back to the current year when neither the heading nor the caller names one', async () => {
    const p = await preview(await docxOf(seed000), 'plan.docx');
    expect(p).toMatchObject({ academicYear: CURRENT, academicYearFrom: 'default' });
    expect(p.heading).toBeUndefined();
    await expect(
      buildPreview({ schoolId: 's', fileName: 'plan.docx', bytes: await docxOf(seed000) }),
    ).rejects.toMatchObject({
      code: 'ACADEMIC_YEAR_REQUIRED',
    });
  });
});
