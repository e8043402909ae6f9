import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Requests are counted per client address; sign-in attempts per address and login, so that guessing one
 * person's password is slowed without locking out a whole school behind one NAT address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const ip = String(request.ip ?? '');
    const body = request.body as { login?: unknown } | undefined;
    const path = String(request.path ?? '');
    return path === '/auth/login' && typeof body?.login === 'string'
      ? `${ip}|${body.login.trim().toLowerCase().slice(0, 64)}`
      : ip;
  }
}
