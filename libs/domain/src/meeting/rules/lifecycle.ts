import { isAdministrator } from '../../procedure/rules';
import type { CommandContext } from '../../shared';
import type { MeetingState } from '../state';
import { MEETING_STATUS_TITLES, type MeetingStatus } from '../values';
import { fail } from './fail';

export type ExistingMeeting = Exclude<MeetingState, { status: 'none' }>;

/**
 * Every step on an existing meeting: the same meeting, of the actor's school, by the administration (or the
 * meeting's secretary, who keeps the protocol), in one of the statuses the step belongs to.
 */
export function meetingStep<S extends MeetingStatus>(
  state: MeetingState,
  meetingId: string,
  ctx: CommandContext,
  statuses: readonly S[],
  action: string,
): Extract<MeetingState, { status: S }> {
  if (state.status === 'none') fail('MEETING_NOT_FOUND', `Заседание ${meetingId} не запланировано`);
  if (state.meetingId !== meetingId) {
    fail(
      'MEETING_MISMATCH',
      `Команда относится к заседанию ${meetingId}, а пришла в заседание ${state.meetingId}`,
    );
  }
  if (ctx.schoolId !== state.schoolId) fail('SCHOOL_MISMATCH', 'Заседание принадлежит другой школе');
  requireMeetingClerk(ctx, state, action);
  if (!(statuses as readonly MeetingStatus[]).includes(state.status)) {
    const now = MEETING_STATUS_TITLES[state.status];
    if (state.status === 'cancelled')
      fail('MEETING_CANCELLED', `${action}: заседание отменено (${state.cancellationReason})`);
    if (state.status === 'signed') fail('PROTOCOL_ALREADY_SIGNED', `${action}: протокол уже подписан`);
    if (state.status === 'held') {
      fail(
        'MEETING_ALREADY_HELD',
        `${action}: заседание уже проведено, запись исправляется только с указанием причины`,
      );
    }
    fail('MEETING_NOT_HELD', `${action}: заседание сейчас «${now}»`, { current: state.status });
  }
  return state as Extract<MeetingState, { status: S }>;
}

export function requireMeetingClerk(
  ctx: CommandContext,
  state: { secretary?: { personId?: string } },
  action: string,
): void {
  const secretary = state.secretary?.personId;
  if (isAdministrator(ctx.actor)) return;
  if (ctx.actor.kind === 'user' && secretary !== undefined && ctx.actor.id === secretary) return;
  fail(
    'ACTOR_NOT_ALLOWED',
    `${action} может администрация (директор или заместитель) или секретарь заседания`,
    {
      actor: ctx.actor.id,
    },
  );
}
