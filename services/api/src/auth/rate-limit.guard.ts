import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';

const LOGIN_PATH = '/auth/login';
/** Where a login or a secret is tried: counted per address besides the route's own limit. */
export const SIGN_IN_PATHS: readonly string[] = [
  LOGIN_PATH,
  '/auth/password',
  '/auth/password-reset',
  '/auth/password-reset/complete',
  '/auth/invitation/accept',
];
/** Routes whose body names a login: counted per address and login, like sign-in. */
const PER_LOGIN_PATHS: readonly string[] = [LOGIN_PATH, '/auth/password-reset'];

/**
 * Requests are counted per client address; sign-in attempts per address and login, so that guessing one
 * person's password is slowed without locking out a whole school behind one NAT address, and (by
 * loginAttemptsPerAddress) per address alone, so that one machine cannot try a password on every login.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const ip = String(request.ip ?? '');
    const body = request.body as { login?: unknown } | undefined;
    const path = String(request.path ?? '');
    return PER_LOGIN_PATHS.includes(path) && typeof body?.login === 'string'
      ? `${ip}|${body.login.trim().toLowerCase().slice(0, 64)}`
      : ip;
  }
}

/** A second throttler that only counts sign-in attempts (and link and password attempts), by address alone. */
export function loginAttemptsPerAddress(limit: number): ThrottlerOptions {
  return {
    name: 'login-address',
    ttl: 60_000,
    limit,
    getTracker: (request: Record<string, unknown>) => String(request.ip ?? ''),
    skipIf: (context: ExecutionContext) =>
      !SIGN_IN_PATHS.includes(context.switchToHttp().getRequest<{ path?: string }>().path ?? ''),
  };
}
