import { unwrap, type Api } from '../api/client';

export interface PersonPosition {
  position: string;
  title: string;
  schoolId?: string;
  className?: string;
  association?: string;
  subjects?: string[];
  assignmentId: string;
}

export interface Person {
  personId: string;
  fullName: string;
  email?: string;
  active: boolean;
  deactivationReason?: string;
  positions: PersonPosition[];
}

export interface PositionInfo {
  position: string;
  title: string;
  scope: 'school' | 'district';
  requires?: 'className' | 'association' | 'subjects';
}

export interface OpenWork {
  procedures: Array<{
    procedureId: string;
    title: string;
    stage: string;
    window: { from: string; to: string };
  }>;
  decisions: Array<{ decisionId: string; wording: string; status: string; due: string | null; as: string }>;
  checkIns: Array<{ decisionId: string; dueOn: string }>;
}

export function listPeople(api: Api, schoolId: string): Promise<Person[]> {
  return unwrap<{ people: Person[] }>(
    api.GET('/schools/{schoolId}/people', { params: { path: { schoolId } } }),
  ).then((r) => [...r.people].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru')));
}

export function listPositions(api: Api): Promise<PositionInfo[]> {
  return unwrap<{ positions: PositionInfo[] }>(api.GET('/positions')).then((r) =>
    r.positions.filter((p) => p.scope === 'school'),
  );
}

export function openWorkOf(api: Api, personId: string): Promise<OpenWork> {
  return unwrap<OpenWork>(api.GET('/people/{personId}/open-work', { params: { path: { personId } } }));
}

/** «Учитель (математика, физика)», «Классный руководитель 5А»: a position as the list shows it. */
export function positionText(p: PersonPosition): string {
  const title = p.title.charAt(0).toUpperCase() + p.title.slice(1);
  return p.subjects?.length && !title.includes('(') ? `${title} (${p.subjects.join(', ')})` : title;
}

/** The amount of open work in words, or undefined when there is none. */
export function openWorkText(w: OpenWork): string | undefined {
  const parts = [
    w.procedures.length ? `процедур: ${w.procedures.length}` : '',
    w.decisions.length ? `решений: ${w.decisions.length}` : '',
    w.checkIns.length ? `контрольных точек: ${w.checkIns.length}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** A login as the API accepts it (POST /people), for the forms that name a new account. */
export const LOGIN_RULE = {
  required: true,
  pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/,
  message: 'Логин: латинские строчные буквы, цифры, точка, _ и -',
};

/**
 * Mails the person a one-time link to choose her password (a newer one replaces the last); `headers` carry the
 * submission's Idempotency-Key. Answers where it went and, for a school's person, the log position.
 */
export function sendInvitation(api: Api, personId: string, headers: Record<string, string>) {
  return unwrap<{ sentTo?: string; position?: number }>(
    api.POST('/auth/accounts/{personId}/invitation', { params: { path: { personId } }, headers }),
  );
}
