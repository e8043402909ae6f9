import { ESCALATION_ADDRESSEE_TITLES, ruDate, STAGE_TITLES } from '../../libs/domain/src';
import type { NotificationRequest } from './definitions';

export interface MailText {
  subject: string;
  text: string;
}

function days(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} день`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} дня`;
  return `${n} дней`;
}

/** The Russian text of each notification; the procedure's title anchors it for the reader. */
export function renderMessage({ event, procedure, decision }: NotificationRequest): MailText {
  const about = procedure
    ? `Процедура: «${procedure.title}»`
    : `Управленческое решение ${decision?.decisionId ?? ''}`.trim();
  switch (event.type) {
    case 'DecisionDeadlineApproaching':
      return {
        subject: `Напоминание: срок исполнения решения — ${ruDate(event.data.due)}`,
        text: [
          `${event.data.responsible.name}, приближается срок исполнения решения:`,
          `«${event.data.wording}»`,
          `Срок: ${ruDate(event.data.due)}.`,
          about,
        ].join('\n'),
      };
    case 'DecisionDeadlineMissed': {
      const day = event.data.dueOn ?? event.data.due;
      return {
        subject: `Просрочено решение: срок истёк ${ruDate(day)}`,
        text: [
          `${event.data.responsible.name}, срок исполнения решения истёк ${ruDate(day)}:`,
          `«${event.data.wording}»`,
          ...(event.data.dueOn
            ? [`Срок ${ruDate(event.data.due)} пришёлся на выходной и был перенесён на ${ruDate(day)}.`]
            : []),
          'Отметьте исполнение или попросите продлить срок.',
          about,
        ].join('\n'),
      };
    }
    case 'DecisionEscalated': {
      const to = event.data.to ?? 'director';
      const step = event.data.step !== undefined ? ` (шаг ${event.data.step + 1})` : '';
      return {
        subject: `Эскалация${step}: не исполнено решение — ${event.data.responsible.name}`,
        text: [
          `Получатель: ${ESCALATION_ADDRESSEE_TITLES[to]}.`,
          `Не исполнено в срок (${ruDate(event.data.due)}) решение:`,
          `«${event.data.wording}»`,
          `Ответственный: ${event.data.responsible.name}.`,
          about,
        ].join('\n'),
      };
    }
    case 'CheckInMissed':
      return {
        subject: `Нет отчёта о ходе исполнения решения на ${ruDate(event.data.dueOn)}`,
        text: [
          `${event.data.responsible.name}, на ${ruDate(event.data.dueOn)} не отмечен ход исполнения решения:`,
          `«${event.data.wording}»`,
          about,
        ].join('\n'),
      };
    case 'DecisionReminderDue':
      return {
        subject: `Напоминание: срок исполнения решения — ${ruDate(event.data.deadline)}`,
        text: [
          `${event.data.responsible.name}, через ${days(event.data.daysBefore)} истекает срок исполнения решения:`,
          `«${event.data.wording}»`,
          `Срок: ${ruDate(event.data.deadline)}.`,
          about,
        ].join('\n'),
      };
    case 'DecisionOverdue':
      return {
        subject: `Просрочено решение: срок истёк ${ruDate(event.data.deadline)}`,
        text: [
          `${event.data.responsible.name}, срок исполнения решения истёк ${ruDate(event.data.deadline)}:`,
          `«${event.data.wording}»`,
          'Отметьте исполнение или попросите продлить срок.',
          about,
        ].join('\n'),
      };
    case 'WindowApproaching':
      return {
        subject: `Подготовка: через ${days(event.data.daysBefore)} начинается «${procedure?.title ?? ''}»`,
        text: [
          `${event.data.responsible.name}, ${ruDate(event.data.window.from)} начинается срок проведения процедуры (до ${ruDate(event.data.window.to)}).`,
          'Подготовьте материалы заранее.',
          about,
        ].join('\n'),
      };
    case 'EscalatedToDirector': {
      const subject = event.data.subject;
      const what =
        subject.kind === 'decision'
          ? `решение ${subject.decisionId} со сроком ${ruDate(subject.deadline)}`
          : `этап «${STAGE_TITLES[subject.stage]}» со сроком ${ruDate(subject.dueDate)}`;
      return {
        subject: `Эскалация: не исполнено в срок — ${event.data.responsible.name}`,
        text: [`Не исполнено в срок: ${what}.`, `Ответственный: ${event.data.responsible.name}.`, about].join(
          '\n',
        ),
      };
    }
    case 'StageOverdue':
      return {
        subject: `Просрочен этап «${STAGE_TITLES[event.data.stage]}»`,
        text: [
          `${event.data.responsible.name}, этап «${STAGE_TITLES[event.data.stage]}» должен был завершиться ${ruDate(event.data.dueDate)}.`,
          about,
        ].join('\n'),
      };
  }
}
