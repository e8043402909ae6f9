import { ValidationFailed } from '@vsoko/domain';
import { DEFAULT_DIRECTORY, extendDirectory, type StaffDirectory } from './directory';

/** A school's staff file: `{ "roles": [{ "code", "title", "patterns": ["regex", …] }] }`, checked here. */
export function directoryFromJson(json: string | undefined): StaffDirectory {
  if (json === undefined || json.trim() === '') return DEFAULT_DIRECTORY;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new ValidationFailed('STAFF_DIRECTORY_INVALID', `Справочник сотрудников: ${(e as Error).message}`);
  }
  const roles = (parsed as { roles?: unknown })?.roles;
  const valid =
    Array.isArray(roles) &&
    roles.every(
      (r) =>
        typeof r?.code === 'string' &&
        /^[a-z][a-z0-9-]{0,39}$/.test(r.code) &&
        typeof r.title === 'string' &&
        Array.isArray(r.patterns) &&
        r.patterns.every((p: unknown) => typeof p === 'string' && compiles(p)),
    );
  if (!valid) {
    throw new ValidationFailed(
      'STAFF_DIRECTORY_INVALID',
      'Справочник сотрудников: ожидается { "roles": [{ "code": "librarian", "title": "…", "patterns": ["…"] }] }',
    );
  }
  return extendDirectory(DEFAULT_DIRECTORY, { roles: roles as StaffDirectory['roles'] });
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return pattern.length <= 200;
  } catch {
    return false;
  }
}
