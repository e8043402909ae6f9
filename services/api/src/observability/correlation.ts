import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID = /^[\w.:-]{1,128}$/;

/**
 * The request's correlation id: the client's `X-Correlation-Id`, or a new one. A new one is also put on the
 * request, so the command built from it records the same id in its events as the log lines carry; the response
 * returns it. A malformed header is left for the command to refuse (400), and the log uses a fresh id.
 */
export function correlationIdOf(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers[CORRELATION_HEADER];
  const id = typeof sent === 'string' && VALID.test(sent) ? sent : randomUUID();
  if (sent === undefined) req.headers[CORRELATION_HEADER] = id;
  res.setHeader('X-Correlation-Id', id);
  return id;
}
