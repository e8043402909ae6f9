import { isTimeZone, type CommandContext } from '../../shared';
import { isAdministrator, optionalText, requireResponsible, requireText } from '../../procedure/rules';
import { MEETING_LEVELS } from '../../procedure/values';
import type { PlanMeeting } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, requireAgenda, requireMeetingDate } from '../rules';
import type { MeetingState } from '../state';

/** The administration plans a meeting: its level, when, who chairs it and what it will consider. */
export function planMeeting(command: PlanMeeting, state: MeetingState, ctx: CommandContext): MeetingEvent[] {
  const d = command.data;
  const meetingId = requireText(d.meetingId, 'MEETING_ID_REQUIRED', 'У заседания нет идентификатора');
  if (state.status !== 'none') {
    fail('MEETING_ALREADY_PLANNED', `Заседание ${meetingId} уже запланировано`, { meetingId });
  }
  if (ctx.schoolId !== d.schoolId) fail('SCHOOL_MISMATCH', 'Заседание планируется для другой школы');
  if (!isAdministrator(ctx.actor)) {
    fail('ACTOR_NOT_ALLOWED', 'Заседания планирует администрация: директор или заместитель директора', {
      actor: ctx.actor.id,
    });
  }
  if (!(MEETING_LEVELS as readonly string[]).includes(d.level)) {
    fail(
      'MEETING_LEVEL_UNKNOWN',
      `Уровень заседания «${String(d.level)}» не из списка: ${MEETING_LEVELS.join(', ')}`,
    );
  }
  const association = optionalText(d.association);
  if (d.level === 'subject-association' && association === undefined) {
    fail('ASSOCIATION_REQUIRED', 'Для заседания ШМО укажите, какого методического объединения');
  }
  if (!isTimeZone(d.timeZone)) fail('TIME_ZONE_INVALID', `Часовой пояс «${String(d.timeZone)}» неизвестен`);
  const title = optionalText(d.title);
  const chair = d.chair && requireResponsible(d.chair, 'CHAIR_INVALID', 'Укажите председателя по имени');
  const secretary =
    d.secretary && requireResponsible(d.secretary, 'SECRETARY_INVALID', 'Укажите секретаря по имени');
  return [
    {
      type: 'MeetingPlanned',
      data: {
        meetingId,
        schoolId: d.schoolId,
        academicYear: d.academicYear,
        level: d.level,
        ...(association !== undefined ? { association } : {}),
        ...(title !== undefined ? { title } : {}),
        date: requireMeetingDate(d.date, d.academicYear),
        ...(chair ? { chair } : {}),
        ...(secretary ? { secretary } : {}),
        timeZone: d.timeZone,
        agenda: requireAgenda(d.agenda),
      },
    },
  ];
}
