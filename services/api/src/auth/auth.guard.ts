import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Role } from '@vsoko/accounts';
import type { Request } from 'express';
import {
  ADMINISTERS_KEY,
  ANY_PRINCIPAL_KEY,
  PERMISSIONS_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
} from './access.decorators';
import { authorize, type RouteAccess } from './access-policy';
import { Authenticator } from './authenticator';
import { attachPrincipal } from './principal-store';

/** Every route, present and future: authenticate, then authorise against the route's metadata and schools. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticator.authenticate(request);
    const route: RouteAccess = {
      method: request.method,
      resource: resourceOf(context),
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      permissions: this.reflector.getAllAndOverride<string[] | undefined>(PERMISSIONS_KEY, targets),
      anyPrincipal: this.reflector.getAllAndOverride<boolean>(ANY_PRINCIPAL_KEY, targets) ?? false,
      administers: this.reflector.getAllAndOverride<boolean>(ADMINISTERS_KEY, targets) ?? false,
    };
    authorize(route, principal, { params: request.params, query: request.query, body: request.body });
    attachPrincipal(request, principal);
    return true;
  }
}

/** The first segment of the matched route (`/procedures/:id/as-of` → `procedures`), whatever the controller's prefix. */
function resourceOf(context: ExecutionContext): string {
  const route = (context.switchToHttp().getRequest<{ route?: { path?: unknown } }>().route?.path ??
    '') as string;
  const path =
    typeof route === 'string' && route
      ? route
      : String(Reflect.getMetadata(PATH_METADATA, context.getClass()) ?? '');
  return path.replace(/^\//, '').split('/')[0] || 'root';
}
