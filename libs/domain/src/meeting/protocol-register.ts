import type { CommandContext, Decider, DomainEvent } from '../shared';
import type { MeetingLevel } from '../procedure/values';
import { fail } from './rules';

/*
 * Protocols are numbered per school, meeting level and academic year, 1, 2, 3 … without gaps. Gaps and
 * duplicates are only avoided by one writer per series: the register is a stream of its own, appended with
 * the expected revision, and a number is taken when a meeting is held (a cancelled meeting takes none).
 * Asking again for the same meeting gives its number again, so a retried holding reuses it.
 */

export interface RegisterKey {
  schoolId: string;
  level: MeetingLevel;
  academicYear: string;
}

export type ProtocolNumberAssigned = DomainEvent<
  'ProtocolNumberAssigned',
  RegisterKey & { meetingId: string; number: number }
>;

export type AssignProtocolNumber = {
  type: 'AssignProtocolNumber';
  data: RegisterKey & { meetingId: string };
};

export interface ProtocolRegisterState {
  assigned: ReadonlyArray<{ meetingId: string; number: number }>;
}

export const initialProtocolRegister: ProtocolRegisterState = { assigned: [] };

export function decideProtocolNumber(
  command: AssignProtocolNumber,
  state: ProtocolRegisterState,
  ctx: CommandContext,
): ProtocolNumberAssigned[] {
  const { meetingId, schoolId } = command.data;
  if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Журнал протоколов другой школы');
  if (state.assigned.some((a) => a.meetingId === meetingId)) return [];
  return [{ type: 'ProtocolNumberAssigned', data: { ...command.data, number: state.assigned.length + 1 } }];
}

export function evolveProtocolRegister(
  state: ProtocolRegisterState,
  event: ProtocolNumberAssigned,
): ProtocolRegisterState {
  const { meetingId, number } = event.data;
  return { assigned: [...state.assigned, { meetingId, number }] };
}

/** The number the register gave the meeting, once assigned. */
export function protocolNumberOf(state: ProtocolRegisterState, meetingId: string): number | undefined {
  return state.assigned.find((a) => a.meetingId === meetingId)?.number;
}

export const protocolRegisterDecider: Decider<
  AssignProtocolNumber,
  ProtocolNumberAssigned,
  ProtocolRegisterState
> = {
  decide: decideProtocolNumber,
  evolve: evolveProtocolRegister,
  initialState: initialProtocolRegister,
};
