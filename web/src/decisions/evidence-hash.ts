/**
 * The SHA-256 of a file as hex, computed in the browser before it is sent, to show beside the server's: the
 * two must match. `crypto.subtle` exists only in secure contexts (HTTPS, localhost); over plain HTTP on a LAN
 * address there is none, and only the server's hash is shown.
 */
export async function sha256Hex(file: Blob): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** «3f2a 9c01 …»: a hash in groups of four, easier to compare by eye. */
export function groupedHash(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
