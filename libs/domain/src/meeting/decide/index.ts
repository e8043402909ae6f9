import { assertNever, type CommandContext } from '../../shared';
import type { MeetingCommand } from '../commands';
import type { MeetingEvent } from '../events';
import type { MeetingState } from '../state';
import { addAgendaItem } from './add-agenda-item';
import { cancelMeeting } from './cancel-meeting';
import { correctMeeting } from './correct-meeting';
import { holdMeeting } from './hold-meeting';
import { planMeeting } from './plan-meeting';
import { removeAgendaItem } from './remove-agenda-item';
import { reorderAgenda } from './reorder-agenda';
import { signProtocol } from './sign-protocol';

/** Pure, like the procedure's decide: same command, state and context, same events or the same refusal. */
export function decideMeeting(
  command: MeetingCommand,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  switch (command.type) {
    case 'PlanMeeting':
      return planMeeting(command, state, ctx);
    case 'AddAgendaItem':
      return addAgendaItem(command, state, ctx);
    case 'RemoveAgendaItem':
      return removeAgendaItem(command, state, ctx);
    case 'ReorderAgenda':
      return reorderAgenda(command, state, ctx);
    case 'HoldMeeting':
      return holdMeeting(command, state, ctx);
    case 'CorrectMeeting':
      return correctMeeting(command, state, ctx);
    case 'SignProtocol':
      return signProtocol(command, state, ctx);
    case 'CancelMeeting':
      return cancelMeeting(command, state, ctx);
    default:
      return assertNever(command);
  }
}
