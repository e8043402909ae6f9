import { unwrap, type Api } from '../api/client';
import type { DecisionRecord, Deadline, Meeting } from './meetings-model';

interface MeetingsPage {
  items: Array<Meeting & { registeredAt: number }>;
  nextCursor: string | null;
}

/** Every meeting of the school's year, page after page by cursor (a school has a few dozen a year). */
export async function listMeetings(
  api: Api,
  schoolId: string,
  academicYear: string,
  waitForPosition?: number,
): Promise<Meeting[]> {
  const items: Meeting[] = [];
  let cursor = '';
  for (;;) {
    const page = await unwrap<MeetingsPage>(
      api.GET('/meetings', {
        params: {
          query: {
            schoolId,
            academicYear,
            cursor,
            pageSize: 200,
            ...(waitForPosition ? { waitForPosition } : {}),
          },
        },
      }),
    );
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

export function getMeeting(api: Api, meetingId: string): Promise<Meeting> {
  return unwrap<Meeting>(api.GET('/meetings/{meetingId}', { params: { path: { meetingId } } }));
}

export function getDecision(api: Api, decisionId: string): Promise<DecisionRecord> {
  return unwrap<DecisionRecord>(api.GET('/decisions/{decisionId}', { params: { path: { decisionId } } }));
}

/** What the server answers to a command on a meeting or a decision. */
export interface Outcome {
  revision: number;
  position: number;
  eventTypes: string[];
  protocolNumber?: number;
  /** For a decision adopted or given a new deadline: how the deadline as written was read. */
  deadline?: Deadline;
  warnings?: string[];
  sha256?: string;
  size?: number;
}

/**
 * A DOCX the server renders (the protocol, the приказ): fetched with the session's header, then handed to the
 * browser as a download under the name the server gave it.
 */
export async function downloadFile(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { response } = await call;
  const blob = await unwrap<Blob>(call);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded
    ? decodeURIComponent(encoded)
    : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
