import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';

const LOGIN_PATH = '/auth/login';

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
    return path === LOGIN_PATH && typeof body?.login === 'string'
      ? `${ip}|${body.login.trim().toLowerCase().slice(0, 64)}`
      : ip;
  }
}

/** A second throttler that only counts sign-in attempts, by address alone. */
export function loginAttemptsPerAddress(limit: number): ThrottlerOptions {
  return {
    name: 'login-address',
    ttl: 60_000,
    limit,
    getTracker: (request: Record<string, unknown>) => String(request.ip ?? ''),
    skipIf: (context: ExecutionContext) =>
      context.switchToHttp().getRequest<{ path?: string }>().path !== LOGIN_PATH,
  };
}
