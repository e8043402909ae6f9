/**
 * «m***@school.ru»: enough for the sender and an auditor to recognise the address a link went to, not enough to
 * harvest it.
 */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at <= 0) return '';
  return `${address[0]}***${address.slice(at)}`;
}
