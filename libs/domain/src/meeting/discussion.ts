import { addDays } from '../shared';
import type { Meeting } from '../procedure/values';
import type { HeldMeeting, SignedMeeting } from './state';
import { meetingDateText } from './values';

/** The procedures a held meeting considered: every procedure on its agenda when it was held, once, in order. */
export function proceduresOnAgenda(meeting: Pick<HeldMeeting, 'agenda'>): string[] {
  const ids = meeting.agenda.flatMap((i) => (i.subject?.kind === 'procedure' ? [i.subject.procedureId] : []));
  return [...new Set(ids)];
}

/**
 * The discussed stage a held meeting gives each procedure on its agenda: one meeting, so one level, day and
 * protocol number for all of them. A procedure's stage needs a day; when the protocol gives only a month
 * («Август 2023») it is the day the holding was recorded, kept inside that month, and the text as written travels
 * beside it; when it gives no date at all, the day the holding was recorded.
 */
export function discussionOf(meeting: HeldMeeting | SignedMeeting, recordedOn: string): Meeting {
  const date = meeting.record.date;
  const heldOn =
    date.precision === 'day'
      ? date.date
      : date.precision === 'month'
        ? clamp(recordedOn, `${date.month}-01`, addDays(`${nextMonth(date.month)}-01`, -1))
        : recordedOn;
  const asWritten = date.precision === 'day' ? '' : meetingDateText(date);
  return {
    level: meeting.level,
    heldOn,
    protocolNumber: String(meeting.protocolNumber),
    meetingId: meeting.meetingId,
    ...(asWritten ? { dateAsWritten: asWritten } : {}),
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const clamp = (day: string, from: string, to: string) => (day < from ? from : day > to ? to : day);
