import { createHash } from 'node:crypto';

/**
 * Event ids are a hash of the stream, the command and the event's index (a name-based UUID, version 5 layout),
 * so a retried command appends the same ids at the same place and the store recognises them instead of writing
 * twice. Changing this function changes the ids of every retry in flight: it stays as it is.
 */
export function deterministicEventId(streamName: string, commandId: string, index: number): string {
  const h = createHash('sha256').update(`${streamName}\u0000${commandId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
