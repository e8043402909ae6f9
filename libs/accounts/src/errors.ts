import { Forbidden, VsokoError } from '@vsoko/domain';

/** No valid credentials (HTTP 401). */
export class Unauthenticated extends VsokoError {
  readonly kind = 'unauthorized' as const;
}

export const invalidCredentials = () =>
  new Unauthenticated('INVALID_CREDENTIALS', 'Неверный логин или пароль');

export const sessionInvalid = () =>
  new Unauthenticated('SESSION_INVALID', 'Сеанс истёк или завершён: войдите снова');

export const apiKeyInvalid = () =>
  new Unauthenticated('API_KEY_INVALID', 'Ключ API неизвестен, отозван или истёк');

export const schoolNotAllowed = (schoolId: string) =>
  new Forbidden('SCHOOL_NOT_ALLOWED', `Нет доступа к школе ${schoolId}`, { schoolId });
