import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, VsokoError } from '@vsoko/domain';
import type { Request } from 'express';

export class Unauthorized extends VsokoError {
  readonly kind = 'unauthorized' as const;
}

const ROLES = ['director', 'deputy', 'methodist', 'teacher', 'auditor', 'inspector'];

/**
 * DEVELOPMENT STAND-IN (see README): the actor is taken from the X-Actor-Id / X-Actor-Role headers until
 * accounts and sessions replace it.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const id = request.header('x-actor-id');
  const role = request.header('x-actor-role');
  if (!id || !/^[\w.@-]{1,128}$/.test(id)) {
    throw new Unauthorized(
      'ACTOR_REQUIRED',
      'Не указан пользователь: заголовок X-Actor-Id (временная замена входа)',
    );
  }
  if (!role || !ROLES.includes(role)) {
    throw new Unauthorized(
      'ACTOR_ROLE_REQUIRED',
      `Не указана роль: заголовок X-Actor-Role, одно из ${ROLES.join(', ')}`,
    );
  }
  const name = request.header('x-actor-name');
  return { id, kind: 'user', role, ...(name ? { name: decodeURIComponent(name) } : {}) };
});

/** The school the acting user works for (DEVELOPMENT STAND-IN: the X-School-Id header). */
export const CurrentSchool = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const schoolId = ctx.switchToHttp().getRequest<Request>().header('x-school-id');
  if (!schoolId || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(schoolId)) {
    throw new Unauthorized(
      'SCHOOL_REQUIRED',
      'Не указана школа пользователя: заголовок X-School-Id (временная замена входа)',
    );
  }
  return schoolId;
});
