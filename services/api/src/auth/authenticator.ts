import { Inject, Injectable } from '@nestjs/common';
import { ApiKeys, type Principal, Sessions, Unauthenticated } from '@vsoko/accounts';
import type { VsokoConfig } from '@vsoko/config';
import { ValidationFailed } from '@vsoko/domain';
import type { Request } from 'express';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, CONFIG } from '../infrastructure/tokens';
import { schoolIdsIn } from './access-policy';
import { devHeaderPrincipal } from './dev-headers';

const SCHOOL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Establishes who calls: a session token, an integration's API key, or (development only) plain headers. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: Sessions,
    private readonly apiKeys: ApiKeys,
    @Inject(CONFIG) private readonly config: VsokoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(request: Request): Promise<Principal> {
    const authorization = request.header('authorization');
    const apiKey = request.header('x-api-key');
    if (authorization !== undefined) {
      // The scheme is case-insensitive (RFC 9110 §11.1): «bearer» and «BEARER» are the same scheme.
      const m = /^Bearer +([\x21-\x7e]{1,200})$/i.exec(authorization.trim());
      if (!m) {
        throw new Unauthenticated('AUTHORIZATION_MALFORMED', 'Заголовок Authorization: Bearer <токен>');
      }
      return this.sessions.authenticate(m[1], schoolHint(request), this.clock.now());
    }
    if (apiKey !== undefined) return this.apiKeys.authenticate(apiKey, this.clock.now());
    if (this.config.AUTH_DEV_HEADERS && request.header('x-actor-id') !== undefined) {
      return devHeaderPrincipal(request);
    }
    throw new Unauthenticated(
      'ACTOR_REQUIRED',
      'Требуется вход: заголовок Authorization: Bearer <токен> (POST /auth/login) или X-Api-Key',
    );
  }
}

/** The school a person acts for: named by X-School-Id, or by the school the request itself is about. */
function schoolHint(request: Request): string | undefined {
  const header = request.header('x-school-id');
  if (header !== undefined) {
    if (!SCHOOL_ID.test(header))
      throw new ValidationFailed('SCHOOL_HEADER_MALFORMED', 'Неверный X-School-Id');
    return header;
  }
  const named = schoolIdsIn({ params: request.params, query: request.query, body: request.body });
  return named.length > 0 && SCHOOL_ID.test(named[0]) ? named[0] : undefined;
}
