import type { Holding } from '@vsoko/domain';
import type { Role, SchoolRole } from '../roles';

/**
 * Collections of the accounts capability; every lookup on the request path is by `_id`. Districts, schools,
 * users and staff are the directory: a projection of the organisation's events (`directory/projection.ts`),
 * rebuilt from the log. Sessions, API keys and password hashes (store/credentials.ts) are not events.
 */
export const COLLECTIONS = {
  districts: 'districts',
  schools: 'schools',
  users: 'users',
  staff: 'staff',
  sessions: 'sessions',
  apiKeys: 'api_keys',
  credentials: 'credentials',
  credentialLinks: 'credential_links',
  directoryState: 'directory_state',
} as const;

/** Directory documents carry the log position last folded into them; documents from before events have none. */
interface Projected {
  _position?: number;
}

export interface DistrictDocument extends Projected {
  _id: string;
  name: string;
  /** Kept on the district so that an inspector's schools are one `_id` read, not a scan. */
  schoolIds: string[];
}

export interface SchoolDocument extends Projected {
  _id: string;
  districtId: string;
  name: string;
}

export interface Membership {
  schoolId: string;
  /** Access roles at the school, from the positions by the policy table (kept for readers of old). */
  roles: SchoolRole[];
  /** Positions held at the school; absent on documents from before positions. */
  positions?: Holding[];
}

/** `_id` is the login and the person id at once: the actor id in every event and in `responsible.personId`. */
export interface UserDocument extends Projected {
  _id: string;
  name: string;
  email?: string;
  /** Only on documents from before credentials had their own collection (moved on start, see migrate-legacy). */
  passwordHash?: string;
  memberships: Membership[];
  /** Districts this person inspects (read-only across the district's schools). */
  inspects: string[];
  /** Districts this person administers (opens schools, appoints directors). */
  administers?: string[];
  /** Every school where the person ever held a position: their directors still find them after they left. */
  schoolsEver?: string[];
  /** Every position held now, schools' and districts'. */
  holdings?: Holding[];
  disabled?: boolean;
  disabledReason?: string;
}

/** What the notification worker reads to find an addressee (workflows/notifications/activities.ts). */
export interface StaffDocument extends Projected {
  _id: string;
  schoolId: string;
  personId: string;
  name: string;
  /** Access roles and the plan roles the person answers for at the school. */
  roles: string[];
  /** The positions held at the school («deputy-upbringing» …): whose deputy is chased is found by them. */
  positions?: string[];
  email?: string;
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
