/**
 * Access roles: what a route admits (`@Allow`). Nobody is given a role directly any more; a person's roles at a
 * school follow from their positions through the one policy table (`policy.ts`). `inspector` and
 * `district-admin` are held for a whole district.
 */
export const SCHOOL_ROLES = ['director', 'deputy', 'methodist', 'teacher', 'auditor'] as const;
export const ROLES = [...SCHOOL_ROLES, 'inspector', 'district-admin'] as const;

export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Read-only roles: they see, they never change a school's work. */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor', 'inspector', 'district-admin'];

/** Roles that may change things at their own school (the domain then decides what exactly). */
export const STAFF_ROLES: readonly Role[] = ['director', 'deputy', 'methodist', 'teacher'];

export const ROLE_NAMES: Record<Role, string> = {
  director: 'директор',
  deputy: 'заместитель директора',
  methodist: 'методист или руководитель ШМО',
  teacher: 'педагог или сотрудник школы',
  auditor: 'аудитор (только чтение)',
  inspector: 'инспектор района (только чтение)',
  'district-admin': 'администратор района',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role that speaks for a person holding several: the one with the widest rights comes first. */
export function leadingRole(roles: readonly Role[]): Role | undefined {
  return ROLES.find((r) => roles.includes(r));
}
