import type { CalendarSourceDocument } from '../../libs/calendar/src';
import { sha256Hex } from '../../libs/calendar/src';

export type SourceContent =
  | { kind: 'content'; ics: string; etag?: string; lastModified?: string; sha256: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: string; message: string };

/** Feeds larger than this are refused: a school's calendar is far smaller, a runaway export is not. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * The source's current content, if it changed: conditional GET (If-None-Match / If-Modified-Since) for a
 * URL, the stored file for an upload. An unchanged body behind a new ETag counts as unchanged too.
 */
export async function readSource(source: CalendarSourceDocument): Promise<SourceContent> {
  if (source.kind === 'upload') {
    if (!source.upload)
      return { kind: 'failed', code: 'ICS_NOT_UPLOADED', message: 'Файл календаря не загружен' };
    if (source.upload.sha256 === source.contentSha256) return { kind: 'not-modified' };
    return { kind: 'content', ics: source.upload.ics, sha256: source.upload.sha256 };
  }
  if (!source.url) return { kind: 'failed', code: 'FEED_URL_MISSING', message: 'У календаря нет адреса' };
  const headers: Record<string, string> = {
    accept: 'text/calendar, */*;q=0.5',
    'user-agent': 'vsoko-calendar/1',
  };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;
  let res: Response;
  try {
    res = await fetch(source.url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'failed',
      code: 'FEED_UNREACHABLE',
      message: `Календарь недоступен: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
    };
  }
  if (res.status === 304) return { kind: 'not-modified' };
  if (!res.ok) {
    await res.body?.cancel();
    return {
      kind: 'failed',
      code: 'FEED_HTTP_ERROR',
      message: `Календарь ответил ${res.status} ${res.statusText}`,
    };
  }
  const body = await res.text();
  if (Buffer.byteLength(body) > MAX_FEED_BYTES) {
    return { kind: 'failed', code: 'FEED_TOO_LARGE', message: 'Календарь больше 5 МБ' };
  }
  const sha256 = sha256Hex(body);
  if (sha256 === source.contentSha256) return { kind: 'not-modified' };
  return {
    kind: 'content',
    ics: body,
    sha256,
    ...(res.headers.get('etag') ? { etag: res.headers.get('etag')! } : {}),
    ...(res.headers.get('last-modified') ? { lastModified: res.headers.get('last-modified')! } : {}),
  };
}
