import {
  DEADLINE_KIND_TITLES,
  dueDateOf,
  ruDate,
  VERDICT_TITLES,
  type Deadline,
  type DecisionStreamEvent,
  type Executors,
} from '@vsoko/domain';

/**
 * One Russian sentence per event of a decision record (a decision on its own stream): adopted, handed over, its
 * deadline moved, evidence, execution, check-ins, lateness, effectiveness.
 */
export function describeDecisionRecordEvent(event: { type: string; data: unknown }): string | undefined {
  const e = event as DecisionStreamEvent;
  switch (e.type) {
    case 'DecisionAdopted': {
      const by =
        e.data.adoptedBy.kind === 'order'
          ? `приказом № ${e.data.adoptedBy.orderNumber} от ${ruDate(e.data.adoptedBy.date)}`
          : 'на заседании';
      return `Принято решение ${e.data.decisionId} ${by}: «${e.data.wording}», срок — ${deadline(e.data.deadline)}, ответственный: ${executors(e.data.executors)}`;
    }
    case 'DecisionReassigned':
      return `Решение ${e.data.decisionId} передано: ${executors(e.data.previous)} → ${executors(e.data.executors)} (${e.data.reason})`;
    case 'DecisionDeadlineChanged':
      return `Срок решения ${e.data.decisionId} изменён: ${deadline(e.data.previous)} → ${deadline(e.data.deadline)} (${e.data.reason})`;
    case 'DecisionWordingCorrected':
      return `Формулировка решения ${e.data.decisionId} исправлена: «${e.data.previous}» → «${e.data.wording}» (${e.data.reason})`;
    case 'EvidenceAttached':
      return `К решению ${e.data.decisionId} приложено подтверждение${e.data.description ? `: ${e.data.description}` : ''}`;
    case 'DecisionExecutionRecorded':
      return `Решение ${e.data.decisionId} исполнено ${ruDate(e.data.executedOn)}${e.data.note ? `: ${e.data.note}` : ''}`;
    case 'DecisionWithdrawn':
      return `Решение ${e.data.decisionId} отменено: ${e.data.reason}`;
    case 'CheckInRecorded':
      return `Решение ${e.data.decisionId}: отчёт о ходе исполнения на ${ruDate(e.data.dueOn)} — ${e.data.note}`;
    case 'CheckInMissed':
      return `Решение «${e.data.wording}»: нет отчёта на ${ruDate(e.data.dueOn)}, ответственный: ${e.data.responsible.name}`;
    case 'DecisionDeadlineApproaching':
      return `Напоминание: решение «${e.data.wording}» — срок ${ruDate(e.data.due)}`;
    case 'DecisionDeadlineMissed':
      return `Просрочено решение «${e.data.wording}» (срок ${ruDate(e.data.due)}), ответственный: ${e.data.responsible.name}`;
    case 'DecisionEscalated':
      return `Просрочка решения «${e.data.wording}» передана дальше${e.data.step !== undefined ? ` (шаг ${e.data.step})` : ''}; ответственный: ${e.data.responsible.name}`;
    case 'DecisionNotificationRecorded':
      return e.data.outcome === 'sent'
        ? `Уведомление по решению ${e.data.decisionId} отправлено (попытка ${e.data.attempt})`
        : `Уведомление по решению ${e.data.decisionId} не доставлено (попытка ${e.data.attempt})${e.data.error ? `: ${e.data.error}` : ''}`;
    case 'EffectivenessAssessed':
      return `Эффективность решения ${e.data.decisionId} оценена ${ruDate(e.data.assessedOn)}: ${VERDICT_TITLES[e.data.verdict]} (${e.data.indicator})`;
    default:
      return undefined;
  }
}

function executors(x: Executors): string {
  return [x.lead.name, ...x.coExecutors.map((c) => c.name)].join(', ');
}

function deadline(d: Deadline): string {
  if (d.asWritten) return `«${d.asWritten}»`;
  const due = dueDateOf(d.parsed);
  return due ? ruDate(due) : DEADLINE_KIND_TITLES[d.parsed.kind];
}
