import { MEETING_LEVEL_TITLES } from '@vsoko/domain';
import type { DecisionDocument } from '@vsoko/projections';
import type { Cell, Table } from './table';

export const DECISION_STATUS_TITLES: Record<DecisionDocument['status'], string> = {
  open: 'на исполнении',
  overdue: 'просрочено',
  executed: 'исполнено',
  cancelled: 'отменено',
};

/**
 * «Рассмотрение и обсуждение результатов оценочных процедур» as schools report it (seed 002): one numbered row
 * per meeting, its decisions below it; plus the status and the actual execution date the paper cannot show.
 */
export function decisionsReport(
  schoolId: string,
  academicYear: string,
  decisions: DecisionDocument[],
): Table {
  const sorted = [...decisions].sort(
    (a, b) =>
      a.meeting.heldOn.localeCompare(b.meeting.heldOn) ||
      a.procedureId.localeCompare(b.procedureId) ||
      a.adoptedAt.localeCompare(b.adoptedAt) ||
      a.decisionId.localeCompare(b.decisionId),
  );
  const rows: Cell[][] = [];
  let meetingNo = 0;
  let decisionNo = 0;
  let lastMeeting = '';
  for (const d of sorted) {
    const meetingKey = `${d.procedureId}|${d.meeting.level}|${d.meeting.heldOn}|${d.meeting.protocolNumber}`;
    const first = meetingKey !== lastMeeting;
    if (first) {
      meetingNo++;
      decisionNo = 0;
      lastMeeting = meetingKey;
    }
    decisionNo++;
    const status =
      d.status === 'executed' && d.onTime === false
        ? `исполнено с опозданием (${d.daysLate} дн.)`
        : DECISION_STATUS_TITLES[d.status];
    rows.push([
      first ? meetingNo : null,
      first ? `${MEETING_LEVEL_TITLES[d.meeting.level]}, протокол № ${d.meeting.protocolNumber}` : null,
      first ? { date: d.meeting.heldOn } : null,
      `${decisionNo}. ${d.wording}`,
      { date: d.deadline },
      d.responsible.name,
      status,
      d.executedOn ? { date: d.executedOn } : null,
    ]);
  }
  return {
    title: `Использование результатов оценочных процедур ВСОКО, ${academicYear} учебный год (${schoolId})`,
    sheet: 'Решения',
    columns: [
      { header: '№', width: 5 },
      {
        header: 'Уровень (совещание, совещание при директоре, педагогический совет, заседание ШМО)',
        width: 32,
      },
      { header: 'Дата', width: 12 },
      { header: 'Формулировка принятого решения', width: 60 },
      { header: 'Срок исполнения', width: 14 },
      { header: 'Ответственный', width: 28 },
      { header: 'Статус', width: 22 },
      { header: 'Дата исполнения', width: 14 },
    ],
    rows,
  };
}
