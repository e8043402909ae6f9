import { type Actor, Forbidden, isAdministrator, vsokoError } from '@vsoko/domain';

export function requireAdmin(actor: Actor): void {
  if (!isAdministrator(actor)) {
    throw new Forbidden(
      'ADMINISTRATOR_REQUIRED',
      'Интеграции с календарями настраивает администрация: директор или заместитель директора',
    );
  }
}

export function unauthorized(code: string, message: string) {
  return vsokoError('unauthorized', code, message);
}
