import type { Figure } from '@vsoko/domain';
import type { ProcedureDocument } from '@vsoko/projections';
import { yearText } from './measures-report';
import type { Cell, Table } from './table';

type Analysed = ProcedureDocument & {
  analysis: { analysedOn: string; figures: readonly Figure[]; document: { title: string } };
};

const analysed = (p: ProcedureDocument): p is Analysed =>
  'analysis' in p && p.analysis !== undefined && p.analysis.figures.length > 0;

/** Titles and indicators compare without case, spacing or the «ё»/«е» difference. */
const normal = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * The procedure a line of dynamics starts from: last year's procedure this one continues (its lineage, set when a
 * plan is copied into the next year), or the procedure a re-check repeats; otherwise itself.
 */
function rootOf(
  p: ProcedureDocument,
  byId: ReadonlyMap<string, ProcedureDocument>,
  seen = 0,
): ProcedureDocument {
  if (p.lineageId) return byId.get(p.lineageId) ?? p;
  const parent = p.parentProcedureId ? byId.get(p.parentProcedureId) : undefined;
  return parent && seen < 20 ? rootOf(parent, byId, seen + 1) : p;
}

export const DYNAMICS_REPORT_COLUMNS = [
  { header: '№', width: 5 },
  { header: 'Показатель', width: 34 },
  { header: 'Оценочная процедура', width: 44 },
  { header: 'Учебный год', width: 12 },
  { header: 'Дата анализа', width: 12 },
  { header: 'Значение', width: 10 },
  { header: 'Ед. изм.', width: 8 },
  { header: 'Изменение', width: 11 },
  { header: 'Итоговый документ', width: 40 },
];

/**
 * Seed 002, section 3 («Отслеживание динамики результатов») from the log: every figure of an analysis, one line of
 * dynamics per indicator of the same procedure across procedures and years — the same procedure being last year's
 * it continues (lineage), the one a re-check repeats, or, without a link, one of the same title — in time order,
 * each with its change from the one before (a number: the value minus the previous one). Years up to the one asked for; a line is numbered once.
 */
export function dynamicsReport(
  schoolId: string,
  academicYear: string,
  procedures: ProcedureDocument[],
): Table {
  const byId = new Map(procedures.map((p) => [p.procedureId, p]));
  const lines = new Map<string, { indicator: string; points: Array<{ p: Analysed; figure: Figure }> }>();
  for (const p of procedures.filter(analysed)) {
    if (p.academicYear > academicYear) continue;
    const root = rootOf(p, byId);
    for (const figure of p.analysis.figures) {
      const key = `${normal(root.title)}\u0000${normal(figure.indicator)}\u0000${figure.unit ?? ''}`;
      const line = lines.get(key) ?? { indicator: figure.indicator, points: [] };
      line.points.push({ p, figure });
      lines.set(key, line);
    }
  }
  const ordered = [...lines.values()].sort(
    (a, b) =>
      normal(a.indicator).localeCompare(normal(b.indicator)) ||
      a.points[0].p.title.localeCompare(b.points[0].p.title),
  );
  const rows: Cell[][] = [];
  ordered.forEach((line, n) => {
    const points = [...line.points].sort(
      (a, b) =>
        a.p.academicYear.localeCompare(b.p.academicYear) ||
        a.p.analysis.analysedOn.localeCompare(b.p.analysis.analysedOn),
    );
    points.forEach(({ p, figure }, i) => {
      const before = points[i - 1]?.figure.value;
      rows.push([
        i === 0 ? n + 1 : null,
        i === 0 ? line.indicator : null,
        p.title,
        yearText(p.academicYear),
        { date: p.analysis.analysedOn },
        figure.value,
        figure.unit ?? null,
        before === undefined ? null : Math.round((figure.value - before) * 100) / 100,
        p.analysis.document.title,
      ]);
    });
  });
  return {
    title: `Анализ использования результатов оценочных процедур ВСОКО, ${academicYear} учебный год (${schoolId}). 3. Отслеживание динамики результатов`,
    sheet: 'Динамика',
    columns: DYNAMICS_REPORT_COLUMNS,
    rows,
  };
}
