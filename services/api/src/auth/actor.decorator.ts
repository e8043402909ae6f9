import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { actorOf, type Principal, Unauthenticated } from '@vsoko/accounts';
import type { Actor } from '@vsoko/domain';
import type { Request } from 'express';
import { schoolRequired } from './access-policy';
import { principalOf } from './principal-store';

function principal(ctx: ExecutionContext): Principal {
  const found = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!found) throw new Unauthenticated('ACTOR_REQUIRED', 'Требуется вход в систему');
  return found;
}

/** The authenticated caller (the AuthGuard put it there), as the actor recorded in event metadata. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return actorOf(principal(ctx));
});

/** The school the caller acts for in this request. */
export const CurrentSchool = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const found = principal(ctx);
  if (found.schoolId === undefined) throw schoolRequired();
  return found.schoolId;
});

/** The whole principal: its readable schools, roles and permissions, for queries that filter by school. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal =>
  principal(ctx),
);
