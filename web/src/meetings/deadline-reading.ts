import { requireDecisionDeadline } from '../../../libs/domain/src/decision/rules/deadline';
import type { SchoolCalendar } from '../../../libs/domain/src/school/calendar/values';
import { parseDecisionDeadline } from '../../../libs/plan-import/src/deadlines/decision-deadline';
import { periodCalendarFor } from '../../../libs/plan-import/src/deadlines/periods';
import { describeDeadline } from './meetings-model';

/**
 * What a deadline typed at a meeting will be taken to mean, read in the page by the very parser and rules the
 * server reads it with (libs/plan-import `parseDecisionDeadline` over `periodCalendarFor`, libs/domain
 * `requireDecisionDeadline`): all pure, reading the phrase against the meeting's academic year, the day the
 * decision is adopted and the school's calendar for the year as the server holds it (`calendar` of
 * `GET /schools/:id/calendars/:year`; null — the shipped default stands in, as on the server), so the page and
 * the server cannot read the same words differently.
 */
export type DeadlineReading =
  | { kind: 'empty' }
  | { kind: 'read'; meaning: string; warnings: string[] }
  | { kind: 'error'; message: string };

export function readDeadline(
  text: string | undefined,
  where: { academicYear: string; adoptedOn?: string; schoolCalendar: SchoolCalendar | null },
): DeadlineReading {
  if (!text?.trim()) return { kind: 'empty' };
  let read: ReturnType<typeof parseDecisionDeadline>;
  try {
    const calendar = periodCalendarFor(where.academicYear, where.schoolCalendar);
    read = parseDecisionDeadline(text, {
      academicYear: where.academicYear,
      ...(where.adoptedOn ? { adoptedOn: where.adoptedOn } : {}),
      ...(calendar ? { calendar } : {}),
    });
  } catch {
    return { kind: 'error', message: `Учебный год заседания «${where.academicYear}» не распознан` };
  }
  if (!read.recognised) {
    return {
      kind: 'error',
      message: `Срок «${text.replace(/\s+/g, ' ').trim()}» не распознан: напишите дату («до 25.12»), месяцы («октябрь–декабрь»), «в течение года» или «постоянно» — иначе решение запишется без срока`,
    };
  }
  try {
    const deadline = requireDecisionDeadline(read.deadline, where.adoptedOn ?? null);
    return { kind: 'read', meaning: describeDeadline(deadline), warnings: read.warnings };
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}
