import { Injectable } from '@nestjs/common';
import { RedeemLink } from '../shared/redeem-link';
import { sessionBody } from '../shared/session-body';

/** A new password through a reset link: every earlier session ends, and a new one is answered. */
@Injectable()
export class CompletePasswordReset {
  constructor(private readonly redeem: RedeemLink) {}

  async complete(token: string, password: string, correlationId?: string) {
    const { session, revision, position } = await this.redeem.redeem('reset', token, password, correlationId);
    return { ...sessionBody(session), revision, position };
  }
}
