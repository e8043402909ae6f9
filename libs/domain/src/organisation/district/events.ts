import type { DomainEvent } from '../../shared';

export type DistrictRegistered = DomainEvent<'DistrictRegistered', { districtId: string; name: string }>;

/** A school opened in the district: its id is its tenant key everywhere from now on. */
export type SchoolRegistered = DomainEvent<
  'SchoolRegistered',
  { districtId: string; schoolId: string; name: string }
>;

export type DistrictEvent = DistrictRegistered | SchoolRegistered;

export const DISTRICT_EVENT_TYPES: readonly DistrictEvent['type'][] = [
  'DistrictRegistered',
  'SchoolRegistered',
];
