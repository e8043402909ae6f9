import {
  DECISION_STATUS_TITLES,
  earliestDayOf,
  MEETING_LEVEL_TITLES,
  meetingDateText,
  ruDate,
  VERDICT_TITLES,
  type AdoptedBy,
} from '@vsoko/domain';
import type { DecisionRecordDocument } from '@vsoko/projections';
import type { Cell, Table } from './table';

/** «2023/24» as the school's report writes a year: «2023-2024». */
export function yearText(academicYear: string): string {
  const [from] = academicYear.split('/');
  return `${from}-${Number(from) + 1}`;
}

function adoptedByText(by: AdoptedBy): string {
  if (by.kind === 'order') return `Приказ № ${by.orderNumber} от ${ruDate(by.date)}`;
  const date = meetingDateText(by.date);
  const protocol = by.protocolNumber !== undefined ? `, протокол № ${by.protocolNumber}` : '';
  return `${MEETING_LEVEL_TITLES[by.level]}${date ? ` (${date})` : ''}${protocol}`;
}

const adoptedOn = (by: AdoptedBy) => (by.kind === 'order' ? by.date : (earliestDayOf(by.date) ?? ''));

/** A measure is a decision that names whom it is for: classes, subjects or teachers (seed 002, section 2). */
const isMeasure = (d: DecisionRecordDocument) =>
  Boolean(d.scope.classes?.asWritten || d.scope.subjects?.length || d.scope.teachers?.length);

export const MEASURES_REPORT_COLUMNS = [
  { header: '№', width: 5 },
  { header: 'Учебный год', width: 12 },
  { header: 'Мероприятия, образовательные события и т.д.', width: 60 },
  { header: 'Класс', width: 10 },
  { header: 'Предмет', width: 30 },
  { header: 'Учитель', width: 30 },
  { header: 'Принято', width: 34 },
  { header: 'Статус', width: 22 },
  { header: 'Исполнено', width: 12 },
  { header: 'Эффективность', width: 40 },
];

/**
 * Seed 002, section 2 («Перечень мероприятий в целях изменения результатов оценочных процедур») from the log:
 * the year's decisions that name classes, subjects or teachers, numbered in the order they were adopted, with the
 * scope as written; the teacher column is the scope's teachers, or whoever answers for the measure when the
 * decision names none. Then what paper cannot show: where it was adopted, status, day executed, effectiveness.
 */
export function measuresReport(
  schoolId: string,
  academicYear: string,
  decisions: DecisionRecordDocument[],
): Table {
  const measures = decisions
    .filter(isMeasure)
    .sort(
      (a, b) =>
        adoptedOn(a.adoptedBy).localeCompare(adoptedOn(b.adoptedBy)) ||
        a.number - b.number ||
        a.decisionId.localeCompare(b.decisionId),
    );
  const rows = measures.map((d, i): Cell[] => {
    const last = d.assessments[d.assessments.length - 1];
    return [
      i === 0 ? 1 : null,
      i === 0 ? yearText(academicYear) : null,
      `${i + 1}. ${d.wording}`,
      d.scope.classes?.asWritten ?? null,
      d.scope.subjects?.join(', ') || null,
      d.scope.teachers?.join(', ') ||
        d.executors.asWritten ||
        [d.executors.lead, ...d.executors.coExecutors].map((r) => r.name).join(', '),
      adoptedByText(d.adoptedBy),
      d.status === 'open' && d.overdue ? 'просрочено' : DECISION_STATUS_TITLES[d.status],
      d.executedOn ? { date: d.executedOn } : null,
      last ? `${VERDICT_TITLES[last.verdict]}: ${last.indicator}` : null,
    ];
  });
  return {
    title: `Анализ использования результатов оценочных процедур ВСОКО, ${academicYear} учебный год (${schoolId}). 2. Перечень мероприятий в целях изменения результатов оценочных процедур в рамках ВСОКО`,
    sheet: 'Мероприятия',
    columns: MEASURES_REPORT_COLUMNS,
    rows,
  };
}
