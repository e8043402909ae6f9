import type { Role } from '@vsoko/accounts';

/**
 * The access rules as a reader states them, independent of the guard's code. A route not listed here gets the
 * default: every role and `<resource>:read` integrations may read (GET); staff (not auditors, not inspectors)
 * and `<resource>:write` integrations may do anything else. A new public route must be listed here on purpose.
 */
export type Admission = 'public' | 'any-principal' | { roles: Role[]; integrations: boolean };

const READERS: Role[] = [
  'director',
  'deputy',
  'methodist',
  'teacher',
  'auditor',
  'inspector',
  'district-admin',
];
const STAFF: Role[] = ['director', 'deputy', 'methodist', 'teacher'];
const ADMINISTRATORS: Admission = { roles: ['director', 'district-admin'], integrations: false };
const DISTRICT_READERS: Admission = { roles: ['inspector', 'district-admin'], integrations: false };

const LISTED: Record<string, Admission> = {
  'GET /health': 'public',
  // Not a credential check of the access rules: this machine, or METRICS_TOKEN (metrics-health.int-spec.ts).
  'GET /metrics': 'public',
  'POST /auth/login': 'public',
  'POST /integrations/calendar/webhook': 'public',
  'GET /calendar/schools/{schoolId}.ics': 'public',
  'GET /calendar/people/{personId}.ics': 'public',
  'GET /auth/me': 'any-principal',
  'POST /auth/logout': 'any-principal',
  'POST /auth/api-keys': { roles: ['director'], integrations: false },
  // Passwords (services/api/src/credentials): links carry their own proof; a change needs the session's person.
  'POST /auth/invitation/accept': 'public',
  'POST /auth/password-reset': 'public',
  'POST /auth/password-reset/complete': 'public',
  'POST /auth/password': 'any-principal',
  // Invitations: a director for her school's staff, a district administrator for the district's (its directors).
  'POST /auth/accounts/{personId}/invitation': ADMINISTRATORS,
  'POST /auth/accounts/{personId}/password-reset': { roles: ['director'], integrations: false },
  // Staff list import (services/api/src/staff): the director staffs the school.
  'POST /staff/imports': { roles: ['director'], integrations: false },
  'POST /staff/imports/{staffImportId}/approval': { roles: ['director'], integrations: false },
  'GET /staff/imports/{staffImportId}/approval': { roles: ['director'], integrations: false },
  // Decisions report import (services/api/src/decisions/import): the school's administration.
  'POST /decisions/imports': { roles: ['director', 'deputy'], integrations: false },
  'POST /decisions/imports/{decisionsImportId}/approval': {
    roles: ['director', 'deputy'],
    integrations: false,
  },
  // Handing over (services/api/src/handover): the school's administration.
  'GET /people/{personId}/open-work': { roles: ['director', 'deputy'], integrations: false },
  'POST /people/{personId}/handover': { roles: ['director', 'deputy'], integrations: false },
  'DELETE /auth/api-keys/{keyId}': { roles: ['director'], integrations: false },
  // Other capabilities' routes with their own @Allow / @AnyPrincipal: listed so that a change is a decision.
  'POST /plans/templates': 'any-principal',
  'POST /plans/templates/{templateId}/adopt': { roles: ['director', 'deputy'], integrations: false },
  'POST /plans/templates/{templateId}/accept': { roles: ['director', 'deputy'], integrations: false },
  // A district's templates and who adopted them: its inspectors and administrators (the use case checks which).
  'GET /districts/{districtId}/plan-templates': DISTRICT_READERS,
  'GET /districts/{districtId}/plan-templates/{templateId}': DISTRICT_READERS,
  'PUT /schools/{schoolId}/reminder-settings': { roles: ['director', 'deputy'], integrations: false },
  // The school calendar (services/api/src/schools/calendar): the director's; the district's is its inspector's.
  'PUT /schools/{schoolId}/calendars/{academicYear}': { roles: ['director'], integrations: false },
  'PUT /districts/{districtId}/calendars/{academicYear}': 'any-principal',
  'POST /integrations/calendar': { roles: ['director', 'deputy'], integrations: false },
  'POST /integrations/calendar/{integrationId}/feeds': { roles: ['director', 'deputy'], integrations: false },
  'PUT /integrations/calendar/feeds/{feedId}/file': { roles: ['director', 'deputy'], integrations: false },
  'GET /integrations/calendar/feeds/{feedId}': { roles: ['director', 'deputy'], integrations: false },
  'DELETE /integrations/calendar/feeds/{feedId}': { roles: ['director', 'deputy'], integrations: false },
  'DELETE /integrations/calendar/{integrationId}': { roles: ['director', 'deputy'], integrations: false },
  'POST /integrations/calendar/feeds/{feedId}/poll': { roles: ['director', 'deputy'], integrations: false },
  'GET /integrations/calendar/sources': { roles: ['director', 'deputy'], integrations: false },
  'POST /integrations/calendar/preview': { roles: ['director', 'deputy'], integrations: false },
  'POST /calendar/schools/{schoolId}/tokens': { roles: ['director', 'deputy'], integrations: false },
  'PUT /schools/{schoolId}/document-templates/{kind}': { roles: ['director', 'deputy'], integrations: false },
  'DELETE /schools/{schoolId}/document-templates/{kind}': {
    roles: ['director', 'deputy'],
    integrations: false,
  },
  // Correcting a held meeting's protocol (services/api/src/meetings/correct-meeting): staff at the guard; the
  // domain then admits the administration and the meeting's own secretary (a teacher who kept the protocol).
  'POST /meetings/{meetingId}/corrections': { roles: STAFF, integrations: false },
  // Administration (services/api/src/people): directors and district administrators, never integrations.
  'GET /positions': 'any-principal',
  'POST /districts/{districtId}/schools': ADMINISTRATORS,
  'GET /schools/{schoolId}/people': ADMINISTRATORS,
  // A district's inspectors and their invitations: its administrator (the use case refuses a director).
  'GET /districts/{districtId}/inspectors': ADMINISTRATORS,
  'POST /people': ADMINISTRATORS,
  'GET /people/{personId}': ADMINISTRATORS,
  'POST /people/{personId}/positions': ADMINISTRATORS,
  'POST /people/{personId}/positions/remove': ADMINISTRATORS,
  'POST /people/{personId}/deactivate': ADMINISTRATORS,
  'POST /people/{personId}/reactivate': ADMINISTRATORS,
};

/** Lists over the caller's own schools: a stranger is answered, with nothing of school-a in it. */
export function isOwnSchoolsList(route: string): boolean {
  const [method, path] = route.split(' ');
  return (
    method === 'GET' &&
    !path.includes('{') &&
    [
      '/procedures',
      '/decisions',
      '/deadlines',
      '/kpis',
      '/kpis/effectiveness',
      '/decision-records',
      '/audit',
      '/meetings',
      '/integrations/calendar/sources',
    ].includes(path)
  );
}

/** The integration key of the matrix holds `procedures:read` and `procedures:write`. */
export function admissionOf(route: string): Admission {
  const listed = LISTED[route];
  if (listed) return listed;
  const [method, path] = route.split(' ');
  return {
    roles: method === 'GET' ? READERS : STAFF,
    integrations: path.startsWith('/procedures'),
  };
}

/** Codes with which the AuthGuard itself refuses (anything else comes from the handler or the domain). */
export const GUARD_REFUSALS = [
  'ACTOR_REQUIRED',
  'SESSION_INVALID',
  'API_KEY_INVALID',
  'AUTHORIZATION_MALFORMED',
  'ROLE_NOT_ALLOWED',
  'PERMISSION_REQUIRED',
  'SCHOOL_MISMATCH',
  'SCHOOL_NOT_ALLOWED',
  'SCHOOL_REQUIRED',
  'NO_SCHOOL_ACCESS',
];
