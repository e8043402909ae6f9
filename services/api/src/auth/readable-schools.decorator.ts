import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { principalOf } from './principal-store';

/** The schools the caller may read: a list, or 'any' (a development or system principal). */
export type SchoolScope = readonly string[] | 'any';

export const ReadableSchools = createParamDecorator((_: unknown, ctx: ExecutionContext): SchoolScope => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal) return [];
  if (principal.readableSchools === 'any') return 'any';
  return principal.readableSchools;
});

/**
 * Restricts a read-model query to the caller's schools, so lists, totals and pages never count another
 * tenant's documents. A `schoolId` the request names itself was already checked by the guard.
 */
export function withinSchools<F extends Record<string, unknown>>(filter: F, schools: SchoolScope): F {
  if (schools === 'any' || typeof filter.schoolId === 'string') return filter;
  return { ...filter, schoolId: { $in: [...schools] } };
}
