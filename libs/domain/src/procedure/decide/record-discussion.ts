import type { CommandContext } from '../../shared';
import type { RecordDiscussion } from '../commands';
import type { ProcedureEvent } from '../events';
import { fail, procedureStep, requireNotBefore, requirePastFact, requireText, schoolToday } from '../rules';
import type { ProcedureState } from '../state';
import { MEETING_LEVELS, type MeetingLevel } from '../values';

export function recordDiscussion(
  command: RecordDiscussion,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, meeting } = command.data;
  const analysed = procedureStep(state, procedureId, ctx, ['analysed'], 'Записать обсуждение результатов');
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
  return [
    {
      type: 'DiscussionRecorded',
      data: { procedureId, meeting: { level: level as MeetingLevel, heldOn, protocolNumber } },
    },
  ];
}
