import { DIRECTION_TITLES, MONTH_NAMES, PROCEDURE_STATUS_TITLES } from '@vsoko/domain';
import type { ProcedureDocument } from '@vsoko/projections';
import type { Cell, Table } from './table';

function monthsOf(window: { from: string; to: string }): string {
  const from = MONTH_NAMES[Number(window.from.slice(5, 7)) - 1];
  const to = MONTH_NAMES[Number(window.to.slice(5, 7)) - 1];
  return window.from.slice(0, 7) === window.to.slice(0, 7) ? from : `${from}–${to}`;
}

/** The year's cyclogram (seed 003): month, direction, content, responsible, result — and where each procedure stands. */
export function cyclogramReport(
  schoolId: string,
  academicYear: string,
  procedures: ProcedureDocument[],
): Table {
  const sorted = [...procedures].sort(
    (a, b) => a.window.from.localeCompare(b.window.from) || a.title.localeCompare(b.title, 'ru'),
  );
  const rows: Cell[][] = sorted.map((p) => [
    monthsOf(p.window),
    DIRECTION_TITLES[p.direction],
    p.title,
    p.responsible.name,
    p.resultForm ?? null,
    { date: p.window.from },
    { date: p.window.to },
    p.overdue ? `${PROCEDURE_STATUS_TITLES[p.stage]} (просрочено)` : PROCEDURE_STATUS_TITLES[p.stage],
  ]);
  return {
    title: `Циклограмма внутренней системы оценки качества образования (ВСОКО) на ${academicYear} учебный год (${schoolId})`,
    sheet: 'Циклограмма',
    columns: [
      { header: 'Месяц', width: 16 },
      { header: 'Направление', width: 30 },
      { header: 'Содержание деятельности', width: 50 },
      { header: 'Ответственные', width: 28 },
      { header: 'Результат', width: 24 },
      { header: 'Начало', width: 12 },
      { header: 'Окончание', width: 12 },
      { header: 'Статус', width: 26 },
    ],
    rows,
  };
}
