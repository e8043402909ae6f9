/** What the browser keeps between reloads: the session token, who signed in, and the school being worked on. */
export interface Membership {
  schoolId: string;
  roles: string[];
}

export interface Session {
  token: string;
  expiresAt: string;
  user: {
    id: string;
    name?: string;
    schools: Membership[];
    inspects?: string[];
    /** Districts this person administers (opens schools in), from /auth/me. */
    administers?: string[];
  };
  /** Schools this person may open (their own, or a district's for an inspector), from /auth/me. */
  schools: string[];
  schoolId?: string;
}

export type SignOutReason = 'expired' | 'signed-out';

export const SIGN_OUT_MESSAGES: Record<SignOutReason, string> = {
  expired: 'Сеанс истёк. Войдите снова, чтобы продолжить.',
  'signed-out': 'Вы вышли из системы.',
};

const KEY = 'vsoko.session';

export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The stored session, or why there is none: it may have expired while the tab was closed. */
export function loadSession(
  storage: SessionStorage,
  now: Date,
): { session: Session } | { session: null; reason?: SignOutReason } {
  const raw = storage.getItem(KEY);
  if (!raw) return { session: null };
  try {
    const session = JSON.parse(raw) as Session;
    if (!session.token || !session.expiresAt) throw new Error('incomplete');
    if (new Date(session.expiresAt).getTime() <= now.getTime()) {
      storage.removeItem(KEY);
      return { session: null, reason: 'expired' };
    }
    return { session };
  } catch {
    storage.removeItem(KEY);
    return { session: null };
  }
}

export function saveSession(storage: SessionStorage, session: Session): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: SessionStorage): void {
  storage.removeItem(KEY);
}

/** The school to act for: the chosen one while still allowed, else the only one, else none (ask). */
export function currentSchool(session: Session): string | undefined {
  if (session.schoolId && session.schools.includes(session.schoolId)) return session.schoolId;
  return session.schools.length === 1 ? session.schools[0] : undefined;
}

/** Roles held at a school; an inspector reads every school of the district. */
export function rolesAt(session: Session, schoolId: string | undefined): string[] {
  const own = session.user.schools.find((m) => m.schoolId === schoolId)?.roles ?? [];
  return own.length > 0 ? own : (session.user.inspects?.length ?? 0) > 0 ? ['inspector'] : [];
}

const READ_ONLY = ['auditor', 'inspector'];

export function canWrite(session: Session, schoolId: string | undefined): boolean {
  const roles = rolesAt(session, schoolId);
  return roles.length > 0 && roles.some((r) => !READ_ONLY.includes(r));
}

/** The school's administration (director, deputy): imports the plan, holds meetings, sets reminders. */
export function isAdministration(session: Session, schoolId: string | undefined): boolean {
  return rolesAt(session, schoolId).some((r) => r === 'director' || r === 'deputy');
}
