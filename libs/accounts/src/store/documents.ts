import type { Role, SchoolRole } from '../roles';

/** Collections of the accounts capability; every lookup on the request path is by `_id`. */
export const COLLECTIONS = {
  districts: 'districts',
  schools: 'schools',
  users: 'users',
  sessions: 'sessions',
  apiKeys: 'api_keys',
  credentials: 'credentials',
  credentialLinks: 'credential_links',
} as const;

export interface DistrictDocument {
  _id: string;
  name: string;
  /** Kept on the district so that an inspector's schools are one `_id` read, not a scan. */
  schoolIds: string[];
}

export interface SchoolDocument {
  _id: string;
  districtId: string;
  name: string;
}

export interface Membership {
  schoolId: string;
  roles: SchoolRole[];
}

/** `_id` is the login and the person id at once: the actor id in every event and in `responsible.personId`. */
export interface UserDocument {
  _id: string;
  name: string;
  email?: string;
  passwordHash: string;
  memberships: Membership[];
  /** Districts this person inspects (read-only across the district's schools). */
  inspects: string[];
  disabled?: boolean;
}

/** `_id` is the SHA-256 digest of the token; the token itself is never stored. */
export interface SessionDocument {
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

export interface ApiKeyDocument {
  _id: string;
  schoolId: string;
  name: string;
  permissions: string[];
  secretHash: string;
  createdBy: string;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
}

export type { Role };
