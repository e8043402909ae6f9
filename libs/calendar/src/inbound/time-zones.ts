import { findIana } from 'windows-iana';
import { isTimeZone } from '@vsoko/domain';

/**
 * The IANA zone a TZID stands for. Google, Apple, Yandex and Nextcloud write IANA names; Outlook and Exchange
 * write Windows names («Russian Standard Time»), which the Unicode CLDR table of windows-iana translates.
 * Returns undefined for custom names nobody can map (the VTIMEZONE still fixes the instants then).
 */
export function ianaZoneOf(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const name = tzid.replace(/^"|"$/g, '').trim();
  if (isTimeZone(name) && name.includes('/')) return name;
  const mapped = findIana(name)?.[0];
  if (mapped && isTimeZone(mapped)) return mapped;
  if (isTimeZone(name)) return name;
  return undefined;
}
