import { ValidationFailed } from '@vsoko/domain';

/** Ids of procedures, decisions, schools, templates, integrations: what the event streams are named by. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ID_MESSAGE = 'идентификатор: латинские буквы, цифры, _ и -, до 64 символов';

/** People are named by their login (libs/accounts), which may contain dots: «deputy.1». */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const PERSON_ID_MESSAGE =
  'сотрудник: его логин — латинские буквы, цифры, точка, _ и -, до 64 символов';

/** An id taken from the path; `message` names what it identifies («Неверный идентификатор процедуры»). */
export function checkId(value: string, message = 'Неверный идентификатор'): string {
  if (!ID_PATTERN.test(value)) throw new ValidationFailed('INVALID_ID', message);
  return value;
}

/** A person's login taken from the path. */
export function checkPersonId(value: string, message = 'Неверный идентификатор сотрудника'): string {
  if (!PERSON_ID_PATTERN.test(value)) throw new ValidationFailed('INVALID_ID', message);
  return value;
}
