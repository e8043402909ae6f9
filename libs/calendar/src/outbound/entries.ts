import {
  addDays,
  DIRECTION_TITLES,
  PROCEDURE_STATUS_TITLES,
  type ProcedureState,
  type Responsible,
} from '@vsoko/domain';

/** One all-day entry of an outbound feed; dates are the school's days, `to` inclusive. */
export interface CalendarEntry {
  uid: string;
  kind: 'procedure-window' | 'decision-deadline';
  procedureId: string;
  decisionId?: string;
  from: string;
  to: string;
  summary: string;
  description: string;
  cancelled: boolean;
  /** Whose calendar it belongs to, for the per-person feed. */
  responsible: Responsible;
}

export const UID_DOMAIN = 'vsoko';

/** The procedure's window, and each decision's deadline in force, as calendar entries. */
export function entriesOf(state: ProcedureState): CalendarEntry[] {
  if (state.status === 'none') return [];
  const out: CalendarEntry[] = [
    {
      uid: `procedure-${state.procedureId}@${UID_DOMAIN}`,
      kind: 'procedure-window',
      procedureId: state.procedureId,
      from: state.window.from,
      to: state.window.to,
      summary: `ВСОКО: ${state.title}`,
      description: [
        `Направление: ${DIRECTION_TITLES[state.direction]}`,
        `Ответственный: ${state.responsible.name}`,
        `Состояние: ${PROCEDURE_STATUS_TITLES[state.status]}`,
        ...(state.method ? [`Метод: ${state.method}`] : []),
        ...(state.status === 'cancelled' ? [`Причина отмены: ${state.cancellationReason}`] : []),
      ].join('\n'),
      cancelled: state.status === 'cancelled',
      responsible: state.responsible,
    },
  ];
  const decisions = 'followUp' in state && state.followUp ? state.followUp.decisions : [];
  for (const d of decisions) {
    out.push({
      uid: `decision-${state.procedureId}-${d.decisionId}@${UID_DOMAIN}`,
      kind: 'decision-deadline',
      procedureId: state.procedureId,
      decisionId: d.decisionId,
      from: d.deadline,
      to: d.deadline,
      summary: `Срок решения: ${d.wording}`,
      description: [
        `Процедура: ${state.title}`,
        `Ответственный: ${d.responsible.name}`,
        `Состояние: ${DECISION_STATUS_TITLES[d.status]}${d.overdue && d.status === 'open' ? ', срок пропущен' : ''}`,
        ...(d.extensions.length > 0 ? [`Срок продлён: ${d.extensions.map((e) => e.reason).join('; ')}`] : []),
      ].join('\n'),
      cancelled: d.status === 'cancelled',
      responsible: d.responsible,
    });
  }
  return out;
}

const DECISION_STATUS_TITLES = {
  open: 'на исполнении',
  executed: 'исполнено',
  cancelled: 'отменено',
} as const;

/** The exclusive end day an all-day VEVENT needs. */
export function exclusiveEnd(entry: CalendarEntry): string {
  return addDays(entry.to, 1);
}
