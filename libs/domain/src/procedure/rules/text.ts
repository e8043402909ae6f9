import type { Responsible } from '../values';
import { fail } from './fail';

/**
 * Nothing a reader could see: white space, zero-width and other format characters (U+200B, U+FEFF, soft
 * hyphen …) and the Hangul and Braille blanks that fonts draw as empty.
 */
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cf}\u115f\u1160\u3164\uffa0\u2800]*$/u;

export function isBlank(value: string): boolean {
  return INVISIBLE_ONLY.test(value);
}

/** Free text a person must fill in, with at least one visible character; stored trimmed. */
export function requireText(value: unknown, code: string, message: string): string {
  if (typeof value !== 'string' || isBlank(value)) fail(code, message);
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
