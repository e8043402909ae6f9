import { REMINDER_LIMITS, type ReminderSettings } from '../values';
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
