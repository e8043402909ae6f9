import { DEFAULT_TIME_ZONE } from '@vsoko/domain';

/**
 * The school's time zone for a document about the whole school: a school has no zone of its own in the system;
 * every meeting, decision and procedure records the zone it was entered in. The newest record's zone is taken
 * (the school's current practice), the installation's default when the school has recorded nothing.
 */
export function schoolTimeZone(
  ...records: ReadonlyArray<ReadonlyArray<{ timeZone: string; _position?: number }>>
): string {
  let newest: { timeZone: string; _position?: number } | undefined;
  for (const list of records) {
    for (const r of list) {
      if (!r.timeZone) continue;
      if (!newest || (r._position ?? -1) > (newest._position ?? -1)) newest = r;
    }
  }
  return newest?.timeZone ?? DEFAULT_TIME_ZONE;
}
