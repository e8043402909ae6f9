import {
  DECISION_STATUS_TITLES,
  MEETING_LEVEL_TITLES,
  MONTH_NAMES,
  meetingDateText,
  ruDate,
  VERDICT_TITLES,
  type DecisionDeadline,
} from '@vsoko/domain';
import type { DecisionRecordDocument, MeetingDocument } from '@vsoko/projections';
import type { Cell, Table } from './table';

const monthText = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** What the system took the deadline to mean, in words: shown beside the text as written. */
export function deadlineMeaning(d: DecisionDeadline): string {
  switch (d.kind) {
    case 'date':
      return `до ${ruDate(d.due)}`;
    case 'months':
      return d.from === d.to
        ? `${monthText(d.from)}, до ${ruDate(d.due)}`
        : `${monthText(d.from)} — ${monthText(d.to)}, до ${ruDate(d.due)}`;
    case 'year':
      return `в течение ${d.academicYear} учебного года, до ${ruDate(d.due)}; контроль: ${d.checkIns.map(ruDate).join(', ') || '—'}`;
    case 'standing':
      return d.every === 'month' ? 'постоянно, отчёт ежемесячно' : 'постоянно, отчёт еженедельно';
    case 'none':
      return 'без срока: срок устанавливает директор';
  }
}

export function meetingLevelText(m: Pick<MeetingDocument, 'level' | 'association' | 'title'>): string {
  if (m.title) return m.title;
  const level = MEETING_LEVEL_TITLES[m.level];
  return m.association ? `${level} ${m.association}` : level;
}

function statusOf(d: DecisionRecordDocument): string {
  const missed = d.checkIns.filter((c) => c.outcome === 'missed').length;
  const base = d.status === 'open' && d.overdue ? 'просрочено' : DECISION_STATUS_TITLES[d.status];
  return missed > 0 ? `${base}; пропущено контрольных точек: ${missed}` : base;
}

function evidenceOf(d: DecisionRecordDocument): string {
  return d.evidence
    .map((e) =>
      e.ref.kind === 'file'
        ? `${e.ref.fileName} (от ${ruDate(e.about)}, SHA-256 ${e.ref.sha256})`
        : `${e.ref.url} (от ${ruDate(e.about)})`,
    )
    .join('\n');
}

function effectivenessOf(d: DecisionRecordDocument): string {
  const last = d.assessments[d.assessments.length - 1];
  return last ? `${VERDICT_TITLES[last.verdict]}: ${last.indicator}` : '';
}

export const MEETINGS_REPORT_COLUMNS = [
  { header: '№', width: 5 },
  { header: 'Уровень (совещание, совещание при директоре, педагогический совет, заседания ШМО)', width: 32 },
  { header: 'Дата', width: 14 },
  { header: 'Формулировка принятого решения', width: 60 },
  { header: 'Срок исполнения', width: 18 },
  { header: 'Ответственный', width: 30 },
  { header: 'Срок по системе', width: 28 },
  { header: 'Статус', width: 22 },
  { header: 'Исполнено', width: 12 },
  { header: 'Подтверждение', width: 40 },
  { header: 'Эффективность', width: 40 },
];

/**
 * Seed 002, section 1 («Рассмотрение и обсуждение результатов оценочных процедур») from the log: each meeting
 * once, in the order the school registered them, its decisions numbered below it with the deadline and the
 * responsible as written; then what paper cannot show — the deadline's meaning, status, day executed,
 * evidence and effectiveness. A meeting without decisions still has its row.
 */
export function meetingsReport(
  schoolId: string,
  academicYear: string,
  meetings: MeetingDocument[],
  decisions: DecisionRecordDocument[],
): Table {
  const byMeeting = new Map<string, DecisionRecordDocument[]>();
  for (const d of decisions) {
    if (d.meetingId === null) continue;
    byMeeting.set(d.meetingId, [...(byMeeting.get(d.meetingId) ?? []), d]);
  }
  const rows: Cell[][] = [];
  const held = meetings.filter((m) => m.status === 'held' || m.status === 'signed');
  held.sort((a, b) => a.registeredAt - b.registeredAt);
  held.forEach((m, i) => {
    const head: Cell[] = [i + 1, meetingLevelText(m), meetingDateText(m.record.date)];
    const own = (byMeeting.get(m.meetingId) ?? []).sort((a, b) => a.number - b.number);
    if (own.length === 0) rows.push([...head, ...Array<Cell>(8).fill(null)]);
    own.forEach((d, j) => {
      rows.push([
        ...(j === 0 ? head : [null, null, null]),
        `${d.number}. ${d.wording}`,
        d.deadline.asWritten ?? null,
        d.executors.asWritten ?? [d.executors.lead, ...d.executors.coExecutors].map((r) => r.name).join(', '),
        deadlineMeaning(d.deadline.parsed),
        statusOf(d),
        d.executedOn ? { date: d.executedOn } : null,
        evidenceOf(d) || null,
        effectivenessOf(d) || null,
      ]);
    });
  });
  return {
    title: `Анализ использования результатов оценочных процедур ВСОКО, ${academicYear} учебный год (${schoolId}). 1. Рассмотрение и обсуждение результатов оценочных процедур`,
    sheet: 'Заседания и решения',
    columns: MEETINGS_REPORT_COLUMNS,
    rows,
  };
}
