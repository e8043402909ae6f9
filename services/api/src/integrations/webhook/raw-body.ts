import type { Request } from 'express';
import { vsokoError } from '@vsoko/domain';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * The body exactly as signed. Only `text/calendar` reaches here unparsed (the app parses JSON itself), which
 * is also the one format a calendar delivery has.
 */
export async function readRawBody(req: Request): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/calendar') {
    throw vsokoError(
      'validation',
      'WEBHOOK_CONTENT_TYPE',
      'Webhook принимает только Content-Type: text/calendar',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES)
      throw vsokoError('validation', 'WEBHOOK_TOO_LARGE', 'Тело webhook больше 1 МБ');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
