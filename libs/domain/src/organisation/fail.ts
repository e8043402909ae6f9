import { failureOf, type Fail } from '../shared';

export const fail: Fail = failureOf({
  ACTOR_NOT_ALLOWED: 'forbidden',
  SCHOOL_MISMATCH: 'forbidden',
  DISTRICT_MISMATCH: 'forbidden',
  PERSON_WORKS_ELSEWHERE: 'forbidden',
  DISTRICT_NOT_FOUND: 'not-found',
  PERSON_NOT_FOUND: 'not-found',
  ASSIGNMENT_NOT_FOUND: 'not-found',
  DISTRICT_ALREADY_REGISTERED: 'conflict',
  SCHOOL_ALREADY_REGISTERED: 'conflict',
  PERSON_ALREADY_REGISTERED: 'conflict',
  NAME_INVALID: 'validation',
  ID_INVALID: 'validation',
  EMAIL_INVALID: 'validation',
  POSITION_UNKNOWN: 'validation',
  POSITION_DETAIL_REQUIRED: 'validation',
  POSITION_SCOPE_INVALID: 'validation',
  POSITION_DETAIL_UNEXPECTED: 'validation',
  POSITION_DETAIL_INVALID: 'validation',
  REASON_REQUIRED: 'validation',
});

/** Districts and schools: their ids go into stream names, URLs and the X-School-Id header. */
export const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A person's id is their login: lower case, so that «Petrova» and «petrova» are one person. */
export const PERSON_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function requireId(value: unknown, what: string): string {
  const person = what === 'Логин';
  if (typeof value !== 'string' || !(person ? PERSON_ID : PLACE_ID).test(value)) {
    fail(
      'ID_INVALID',
      person
        ? `${what}: латинские строчные буквы, цифры, точка, _ и -, до 64 символов`
        : `${what}: латинские буквы, цифры, _ и -, до 64 символов`,
      { value: String(value) },
    );
  }
  return value;
}

export function requireName(value: unknown, what: string): string {
  const name = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (name.length === 0 || name.length > 200) fail('NAME_INVALID', `${what}: от 1 до 200 символов`);
  return name;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,253}\.[^\s@<>()[\]\\,;:"]{1,63}$/;

export function requireEmail(value: unknown): string {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
    fail('EMAIL_INVALID', `Адрес почты «${String(value)}» не похож на адрес`);
  }
  return value.toLowerCase();
}
