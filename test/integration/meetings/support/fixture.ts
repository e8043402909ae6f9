import { json, type JsonBody } from '../../harness';

/** Where a spec's POSTs go and as whom; read at each call, as the specs start and log in in their `beforeAll`. */
export type PostTarget = () => { baseUrl: string; headers: Record<string, string> };

export type Post = (path: string, body: unknown) => Promise<JsonBody>;

/**
 * A spec's JSON POSTs as one caller: `send` answers status and body, `ok` throws on a status of 300 or more (the
 * setup a spec relies on failed) and answers the body. Each log position answered goes to `seen`, so the spec can
 * keep the head its reads wait for (`waitForPosition`).
 */
export function posts(target: PostTarget, seen: (position: number) => void) {
  const send = async (path: string, body: unknown): Promise<{ status: number; body: JsonBody }> => {
    const { baseUrl, headers } = target();
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') seen(answer.position);
    return { status: res.status, body: answer };
  };
  const ok: Post = async (path, body) => {
    const { status, body: answer } = await send(path, body);
    if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(answer)}`);
    return answer;
  };
  return { send, ok };
}

/** Polls `probe` every 200 ms until it answers something, failing with `what` after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A педсовет of one agenda item (`item-1`, Moscow time) on `date`, created and held, its minutes naming
 * `decisionIds` under that item — the meeting the decision specs enter their decisions into.
 */
export async function heldPedsovet(
  ok: Post,
  meeting: {
    id: string;
    academicYear: string;
    date: string;
    title: string;
    heard: string;
    decisionIds: string[];
  },
): Promise<void> {
  await ok('/meetings', {
    id: meeting.id,
    academicYear: meeting.academicYear,
    level: 'pedagogical-council',
    date: { precision: 'day', date: meeting.date },
    timeZone: 'Europe/Moscow',
    agenda: [{ itemId: 'item-1', title: meeting.title }],
  });
  await ok(`/meetings/${meeting.id}/held`, {
    minutes: [{ itemId: 'item-1', heard: meeting.heard, decisionIds: meeting.decisionIds }],
  });
}
