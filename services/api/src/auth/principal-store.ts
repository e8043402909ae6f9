import type { Principal } from '@vsoko/accounts';
import type { Request } from 'express';

const principals = new WeakMap<Request, Principal>();

export function attachPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

export function principalOf(request: Request): Principal | undefined {
  return principals.get(request);
}
