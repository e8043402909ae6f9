/*
 * Every stream's name, in one place. `<category>-<id>`: the category says which aggregate folds it, and the
 * projector and the event store's name rules (libs/event-store/src/validation.ts) rely on that shape.
 */

export function procedureStreamName(procedureId: string): string {
  return `procedure-${procedureId}`;
}

/** `plan-school-1-2023-24`: one stream per school and academic year, so a district is only more streams. */
export function planStreamName(schoolId: string, academicYear: string): string {
  return `plan-${schoolId}-${academicYear.replace('/', '-')}`;
}

/** `template-district-1-vpr-2031`: one stream per district and template. */
export function templateStreamName(districtId: string, templateId: string): string {
  return `template-${districtId}-${templateId}`;
}

/** A school's own settings; procedures take them when scheduled. */
export function schoolStreamName(schoolId: string): string {
  return `school-${schoolId}`;
}

/** Everything an integration (a calendar feed, a webhook) did, with the integration as the actor. */
export function integrationStreamName(integrationId: string): string {
  return `integration-${integrationId}`;
}

/** A meeting (педсовет, заседание ШМО …) of one school; meeting ids are unique across schools. */
export function meetingStreamName(meetingId: string): string {
  return `meeting-${meetingId}`;
}

/** A management decision's own stream; decision ids are unique across schools. */
export function decisionStreamName(decisionId: string): string {
  return `decision-${decisionId}`;
}

/**
 * `protocols-school-1-pedagogical-council-2023-24`: the protocol numbers of one school, meeting level and
 * academic year, one writer per series so that numbers have no gaps.
 */
export function protocolRegisterStreamName(key: {
  schoolId: string;
  level: string;
  academicYear: string;
}): string {
  return `protocols-${key.schoolId}-${key.level}-${key.academicYear.replace('/', '-')}`;
}

/** A district and the schools opened in it. */
export function districtStreamName(districtId: string): string {
  return `district-${districtId}`;
}

/** One person's account and positions, in every school; the person id is the login. */
export function personStreamName(personId: string): string {
  return `person-${personId}`;
}

/**
 * `credentials-deputy.1`: one person's sign-in credentials (invitations, password changes and resets), apart from
 * their place in the organisation. It holds facts and token digests only, never a password or its hash.
 */
export function credentialsStreamName(personId: string): string {
  return `credentials-${personId}`;
}

/** `doctemplates-school-1`: which Word template the school uses for each document (protocol, order …). */
export function documentTemplatesStreamName(schoolId: string): string {
  return `doctemplates-${schoolId}`;
}

/** `district-calendar-district-1-2026-27`: a district's default calendar for one academic year, by version. */
export function districtCalendarStreamName(districtId: string, academicYear: string): string {
  return `district-calendar-${districtId}-${academicYear.replace('/', '-')}`;
}
