import { Injectable } from '@nestjs/common';
import { RedeemLink } from '../shared/redeem-link';
import { sessionBody } from '../shared/session-body';

/** First sign-in: the invitation link and a password of the person's choosing; answers a session. */
@Injectable()
export class AcceptInvitation {
  constructor(private readonly redeem: RedeemLink) {}

  async accept(token: string, password: string, correlationId?: string) {
    const { session, revision, position } = await this.redeem.redeem(
      'invitation',
      token,
      password,
      correlationId,
    );
    return { ...sessionBody(session), revision, position };
  }
}
