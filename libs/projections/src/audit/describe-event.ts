import { describeCredentialsEvent } from './describe-credentials-event';
import { describeDecisionRecordEvent } from './describe-decision-record-event';
import { describeMeetingEvent } from './describe-meeting-event';
import { describeOrganisationEvent } from './describe-organisation-event';
import { MEETING_LEVEL_TITLES, ruDate, STAGE_TITLES, type ProcedureEvent } from '@vsoko/domain';

const date = ruDate;

/** One Russian sentence per event type; unknown types (other aggregates) are named as they are. */
export function describeEvent(event: { type: string; data: unknown }): string {
  const other =
    describeOrganisationEvent(event) ??
    describeCredentialsEvent(event) ??
    describeDecisionRecordEvent(event) ??
    describeMeetingEvent(event);
  if (other !== undefined) return other;
  const e = event as ProcedureEvent;
  switch (e.type) {
    case 'ProcedureScheduled':
      return `Запланирована процедура «${e.data.title}» на ${date(e.data.window.from)}–${date(e.data.window.to)}, ответственный: ${e.data.responsible.name}`;
    case 'ProcedureRescheduled':
      return `Сроки перенесены на ${date(e.data.window.from)}–${date(e.data.window.to)}: ${e.data.reason}`;
    case 'ProcedureReassigned':
      return `Процедура передана: ${e.data.previous.name} → ${e.data.responsible.name} (${e.data.reason})`;
    case 'ProcedurePerformed':
      return `Процедура проведена ${date(e.data.performedOn)} (${e.data.performedBy.name})`;
    case 'AnalysisRecorded':
      return `Результаты проанализированы ${date(e.data.analysedOn)}: ${e.data.document.title}`;
    case 'DiscussionRecorded':
      return `Результаты рассмотрены: ${MEETING_LEVEL_TITLES[e.data.meeting.level]} ${date(e.data.meeting.heldOn)}, протокол № ${e.data.meeting.protocolNumber}`;
    case 'DecisionsAdopted':
      return `Приняты решения (${e.data.decisions.length}): ${e.data.decisions.map((d) => `«${d.wording}» до ${date(d.deadline)}`).join('; ')}`;
    case 'ResultsNotedWithoutDecision':
      return `Результаты приняты к сведению без управленческих решений${e.data.note ? `: ${e.data.note}` : ''}`;
    case 'DecisionExecuted':
      return `Решение ${e.data.decisionId} исполнено ${date(e.data.executedOn)}: ${e.data.evidence.description}`;
    case 'DecisionDeadlineExtended':
      return `Срок решения ${e.data.decisionId} продлён с ${date(e.data.previousDeadline)} до ${date(e.data.deadline)}: ${e.data.reason}`;
    case 'DecisionCancelled':
      return `Решение ${e.data.decisionId} отменено: ${e.data.reason}`;
    case 'ProcedureDecisionReassigned':
      return `Решение ${e.data.decisionId} передано: ${e.data.previous.name} → ${e.data.responsible.name} (${e.data.reason})`;
    case 'RecheckRequested':
      return `По решению ${e.data.decisionId} назначена повторная процедура «${e.data.child.title}»`;
    case 'ProcedureCancelled':
      return `Процедура отменена: ${e.data.reason}`;
    case 'ProcedureClosed':
      return e.data.withoutMeeting
        ? `Процедура закрыта после анализа без заседания: итог — документ${e.data.withoutMeeting.resultForm ? ` («${e.data.withoutMeeting.resultForm}»)` : ''}`
        : 'Процедура закрыта';
    case 'StageOverdue':
      return `Просрочен этап «${STAGE_TITLES[e.data.stage]}» (срок ${date(e.data.dueDate)}), ответственный: ${e.data.responsible.name}`;
    case 'DecisionReminderDue':
      return `Напоминание: решение «${e.data.wording}» — срок ${date(e.data.deadline)}`;
    case 'DecisionOverdue':
      return `Просрочено решение «${e.data.wording}» (срок ${date(e.data.deadline)}), ответственный: ${e.data.responsible.name}`;
    case 'EscalatedToDirector':
      return `Просрочка передана директору; ответственный: ${e.data.responsible.name}`;
    case 'NotificationSent':
      return `Уведомление отправлено (${e.data.channel}, попытка ${e.data.attempt})`;
    case 'NotificationFailed':
      return `Уведомление не доставлено (${e.data.channel}, попытка ${e.data.attempt}): ${e.data.error}`;
    default:
      return event.type;
  }
}
