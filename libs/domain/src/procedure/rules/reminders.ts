import { ESCALATION_ADDRESSEES, REMINDER_LIMITS, type ReminderSettings } from '../values';
import { fail } from './fail';

/** A school's reminder settings: a few distinct reminders before a deadline, and a bounded grace period. */
export function requireReminders({ daysBefore, escalationGraceDays }: ReminderSettings): void {
  const { maxDaysBefore, maxReminders, maxGraceDays } = REMINDER_LIMITS;
  const valid =
    Array.isArray(daysBefore) &&
    daysBefore.length <= maxReminders &&
    daysBefore.every((d) => Number.isInteger(d) && d >= 1 && d <= maxDaysBefore) &&
    new Set(daysBefore).size === daysBefore.length;
  if (!valid) {
    fail(
      'REMINDERS_INVALID',
      `Напоминания: до ${maxReminders} разных сроков, каждый — целое число дней от 1 до ${maxDaysBefore} до срока решения`,
    );
  }
  if (
    !Number.isInteger(escalationGraceDays) ||
    escalationGraceDays < 0 ||
    escalationGraceDays > maxGraceDays
  ) {
    fail('ESCALATION_GRACE_INVALID', `Отсрочка эскалации — целое число дней от 0 до ${maxGraceDays}`);
  }
}

/** The escalation chain's part of the settings, when given: bounded, ordered steps with known addressees. */
export function requireChase(settings: ReminderSettings): void {
  const { maxDaysBefore, maxReminders, maxSteps, maxAfterDays, maxRepeatDays } = REMINDER_LIMITS;
  const { preparationDaysBefore, escalation, repeatEveryDays, dayOffPolicy } = settings;
  if (
    preparationDaysBefore !== undefined &&
    !(
      Array.isArray(preparationDaysBefore) &&
      preparationDaysBefore.length <= maxReminders &&
      preparationDaysBefore.every((d) => Number.isInteger(d) && d >= 1 && d <= maxDaysBefore) &&
      new Set(preparationDaysBefore).size === preparationDaysBefore.length
    )
  ) {
    fail(
      'PREPARATION_REMINDERS_INVALID',
      `Напоминания о подготовке: до ${maxReminders} разных сроков, каждый — от 1 до ${maxDaysBefore} дней до начала`,
    );
  }
  if (escalation !== undefined) {
    const valid =
      Array.isArray(escalation) &&
      escalation.length <= maxSteps &&
      escalation.every(
        (step, i) =>
          Number.isInteger(step.afterDays) &&
          step.afterDays >= 0 &&
          step.afterDays <= maxAfterDays &&
          ESCALATION_ADDRESSEES.includes(step.to) &&
          (i === 0 || step.afterDays > escalation[i - 1].afterDays),
      );
    if (!valid) {
      fail(
        'ESCALATION_CHAIN_INVALID',
        `Цепочка эскалации: до ${maxSteps} шагов по возрастанию дней (0–${maxAfterDays} после срока), ` +
          'каждому — ответственный, заместитель директора, директор или инспектор района',
      );
    }
  }
  if (
    repeatEveryDays !== undefined &&
    !(Number.isInteger(repeatEveryDays) && repeatEveryDays >= 0 && repeatEveryDays <= maxRepeatDays)
  ) {
    fail('ESCALATION_REPEAT_INVALID', `Повтор после последнего шага — от 0 до ${maxRepeatDays} дней`);
  }
  if (dayOffPolicy !== undefined && dayOffPolicy !== 'next-working-day' && dayOffPolicy !== 'keep') {
    fail('DAY_OFF_POLICY_INVALID', 'Срок в выходной: перенести на следующий рабочий день или оставить');
  }
}
