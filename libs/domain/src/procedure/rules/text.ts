import type { Responsible } from '../values';
import { fail } from './fail';

/** Free text a person must fill in; stored trimmed. */
export function requireText(value: unknown, code: string, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(code, message);
  return value.trim();
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A non-empty list of non-blank lines. */
export function requireLines(value: unknown, code: string, message: string): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(code, message);
  return value.map((line) => requireText(line, code, message));
}

export function requireResponsible(
  value: Responsible | undefined,
  code: string,
  message: string,
): Responsible {
  const name = requireText(value?.name, code, message);
  return {
    ...(value?.role !== undefined ? { role: value.role } : {}),
    ...(value?.personId !== undefined ? { personId: value.personId } : {}),
    name,
  };
}
