import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { vsokoValidationPipe } from '../../errors/validation';

/**
 * A body that may be left out altogether (an approval without choices is `POST …/approve` with nothing): absent
 * is `{}`, anything sent is validated against the parameter's DTO like any body.
 */
export const OptionalBody = () =>
  createParamDecorator(
    (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<Request>().body ?? {},
  )(vsokoValidationPipe({ validateCustomDecorators: true }));
