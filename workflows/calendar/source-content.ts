import type { CalendarSourceDocument } from '../../libs/calendar/src';
import { sha256Hex } from '../../libs/calendar/src';
import { fetchPublic, type AllowList, type RefusalCode } from '../../libs/outbound/src';

export type SourceContent =
  | { kind: 'content'; ics: string; etag?: string; lastModified?: string; sha256: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: string; message: string };

/** Feeds larger than this are refused: a school's calendar is far smaller, a runaway export is not. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * The source's current content, if it changed: conditional GET (If-None-Match / If-Modified-Since) for a
 * URL, the stored file for an upload. An unchanged body behind a new ETag counts as unchanged too. A URL is
 * fetched only from a public address, or from a host the operator allowed (OUTBOUND_ALLOWED_HOSTS).
 */
export async function readSource(
  source: CalendarSourceDocument,
  options: { allow?: AllowList } = {},
): Promise<SourceContent> {
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
  const res = await fetchPublic(source.url, {
    headers,
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    allow: options.allow,
  });
  // Nothing the far side sent (status text, headers, body) goes into a message: the feed's status is shown
  // to whoever subscribed it, and the address may be one the operator allowed inside the network.
  if (res.kind === 'refused') return refusal(res.code);
  if (res.kind === 'failed') {
    return { kind: 'failed', code: 'FEED_UNREACHABLE', message: `Календарь недоступен: ${res.code}` };
  }
  if (res.status === 304) return { kind: 'not-modified' };
  if (res.status < 200 || res.status >= 300) {
    return { kind: 'failed', code: 'FEED_HTTP_ERROR', message: `Календарь ответил кодом ${res.status}` };
  }
  const body = res.body.toString('utf8');
  const sha256 = sha256Hex(body);
  if (sha256 === source.contentSha256) return { kind: 'not-modified' };
  return {
    kind: 'content',
    ics: body,
    sha256,
    ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
    ...(typeof res.headers['last-modified'] === 'string'
      ? { lastModified: res.headers['last-modified'] }
      : {}),
  };
}

/**
 * How a poll that could not be read is described. The parser quotes the line it stumbled on; for a fetched
 * body that would hand the far side's bytes to the person reading the status, so only uploads get it.
 */
export function unreadableMessage(source: CalendarSourceDocument, parserMessage: string): string {
  return source.kind === 'url'
    ? 'Календарь по адресу не читается: ответ — не файл iCalendar (RFC 5545)'
    : parserMessage;
}

function refusal(code: RefusalCode): SourceContent {
  switch (code) {
    case 'ADDRESS_FORBIDDEN':
      return {
        kind: 'failed',
        code: 'FEED_ADDRESS_FORBIDDEN',
        message:
          'Адрес календаря ведёт на сам сервер или во внутреннюю сеть; такие адреса разрешает только администратор системы (OUTBOUND_ALLOWED_HOSTS)',
      };
    case 'SCHEME_FORBIDDEN':
      return {
        kind: 'failed',
        code: 'FEED_SCHEME_FORBIDDEN',
        message: 'Календарь загружается только по http(s)',
      };
    case 'TOO_MANY_REDIRECTS':
      return {
        kind: 'failed',
        code: 'FEED_TOO_MANY_REDIRECTS',
        message: 'Календарь перенаправляет слишком много раз',
      };
    case 'TOO_LARGE':
      return { kind: 'failed', code: 'FEED_TOO_LARGE', message: 'Календарь больше 5 МБ' };
  }
}
