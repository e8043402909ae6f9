/**
 * A feed address as it may be shown to anyone in the school's administration: the address of a private calendar
 * is its password (Google's `private-…` path segment, Yandex's `private_token=…`, Outlook's published-calendar
 * token, a Nextcloud share token, user:password@ in the authority), so each of those is replaced with «•••».
 * The host and the readable parts of the path stay: they are what tells one calendar from another.
 */
export function maskFeedUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return '•••';
  }
  const masked = new URL(`${url.protocol}//${url.host}`);
  masked.pathname = url.pathname
    .split('/')
    .map((segment) => (looksSecret(decodeSegment(segment)) ? MASK : segment))
    .join('/');
  for (const [name] of url.searchParams) masked.searchParams.set(name, MASK);
  // URL escapes the mask; it is shown, not fetched, so it is written back as people read it.
  return masked.href.replace(/%E2%80%A2/gi, '•');
}

const MASK = '•••';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A path segment that is a token rather than a name: Google's `private-<hex>`, a GUID, or a segment with a run of
 * 16+ letters and digits mixing both (a base64url token, a hex digest), also before `@` (Outlook's mailbox ids).
 * `basic.ics`, `calendar`, `school-2024-2025-plan.ics` are names.
 */
function looksSecret(segment: string): boolean {
  if (/^private-/i.test(segment)) return true;
  if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(segment)) return true;
  return segment
    .split(/[-_.@~]/)
    .some((part) => part.length >= 16 && /[0-9]/.test(part) && /[A-Za-z]/.test(part));
}
