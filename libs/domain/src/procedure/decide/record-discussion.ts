import type { CommandContext } from '../../shared';
import type { RecordDiscussion } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  fail,
  inStage,
  optionalText,
  procedureStep,
  requireNotBefore,
  requirePastFact,
  requireSchool,
  requireText,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';
import { MEETING_LEVELS, type Meeting, type MeetingLevel } from '../values';

const ACTION = 'Записать обсуждение результатов';

/**
 * The results were considered at a meeting. People record it by hand (level, date, protocol number); a held
 * Meeting records it for every procedure on its agenda, as the system, naming the meeting — the meeting's own
 * record already says who held it.
 */
export function recordDiscussion(
  command: RecordDiscussion,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, meeting } = command.data;
  const meetingId = optionalText(meeting?.meetingId);
  const analysed =
    ctx.actor.kind === 'system' && meetingId !== undefined
      ? fromMeeting(state, procedureId, ctx)
      : procedureStep(state, procedureId, ctx, ['analysed'], ACTION);
  const level = meeting?.level;
  if (!(MEETING_LEVELS as readonly string[]).includes(level)) {
    fail(
      'MEETING_LEVEL_UNKNOWN',
      `Уровень заседания «${String(level)}» не из списка: педагогический совет, методический совет, заседание ШМО, совещание при директоре, родительское собрание, совет профилактики`,
    );
  }
  const today = schoolToday(ctx, analysed.timeZone);
  const heldOn = requirePastFact(meeting.heldOn, 'Дата заседания', today);
  requireNotBefore(
    heldOn,
    analysed.analysis.analysedOn,
    'DATE_BEFORE_PREVIOUS_STAGE',
    'Результаты не могли обсуждаться раньше, чем проанализированы',
  );
  const protocolNumber = requireText(
    meeting.protocolNumber,
    'PROTOCOL_NUMBER_REQUIRED',
    'Укажите номер протокола',
  );
  const dateAsWritten = optionalText(meeting.dateAsWritten);
  const recorded: Meeting = {
    level: level as MeetingLevel,
    heldOn,
    protocolNumber,
    ...(meetingId !== undefined ? { meetingId } : {}),
    ...(dateAsWritten !== undefined ? { dateAsWritten } : {}),
  };
  return [{ type: 'DiscussionRecorded', data: { procedureId, meeting: recorded } }];
}

/** A held meeting of the same school speaks for its agenda: no person's role is checked here. */
function fromMeeting(state: ProcedureState, procedureId: string, ctx: CommandContext) {
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  return inStage(current, ['analysed'], ACTION.charAt(0).toLowerCase() + ACTION.slice(1));
}
