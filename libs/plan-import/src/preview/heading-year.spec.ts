import { academicYearInHeading } from './heading-year';

describe('the academic year a plan heading names', () => {
  it.each([
    ['План ВСОКО на 2025/26 учебный год', '2025/26'],
    ['ЦИКЛОГРАММА ВСОКО НА 2025-2026 УЧЕБНЫЙ ГОД', '2025/26'],
    ['План внутренней системы оценки качества 2025–2026 уч. год', '2025/26'],
    ['Дорожная карта на 2025 – 2026 учебного года', '2025/26'],
    ['План ВСОКО 2025-2026', '2025/26'],
    ['План на 2099/00 учебный год', '2099/00'],
  ])('«%s» → %s', (heading, year) =>
    expect(academicYearInHeading(['МБОУ «СОШ № 1»', heading])?.academicYear).toBe(year),
  );

  it('prefers the pair that is called an academic year', () => {
    expect(
      academicYearInHeading([
        'Утверждено приказом от 30.08.2025 № 2025-2026/7',
        'План на 2025/26 учебный год',
      ])?.academicYear,
    ).toBe('2025/26');
    expect(academicYearInHeading(['Отчёт 2024-2025, план на 2025-2026 учебный год'])?.academicYear).toBe(
      '2025/26',
    );
  });

  it.each([['План ВСОКО'], ['Приказ № 2025-27 от 01.09.2025'], ['Телефон 2025-2030'], ['']])(
    'finds none in «%s»',
    (heading) => expect(academicYearInHeading([heading])).toBeUndefined(),
  );
});
