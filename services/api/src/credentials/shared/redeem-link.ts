import { Inject, Injectable } from '@nestjs/common';
import {
  checkNewPassword,
  hashSecret,
  linkDigestOf,
  Sessions,
  type SessionIssued,
  type UserDocument,
} from '@vsoko/accounts';
import {
  credentialsDecider,
  credentialsFail,
  credentialsStreamName,
  type CommandContext,
  type CredentialsCommand,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { CredentialLinks } from './credential-links';

export interface Redeemed {
  session: SessionIssued;
  person: UserDocument;
  revision: number;
  position: number;
}

/**
 * Following a mailed link with a new password, for an invitation or a reset: the link is checked first (an
 * expired link should not be answered with password advice), then the password rules, then the link is spent
 * on the stream and the new hash written; the person is signed in.
 */
@Injectable()
export class RedeemLink {
  constructor(
    private readonly links: CredentialLinks,
    private readonly handler: DeciderHandler,
    private readonly sessions: Sessions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async redeem(
    kind: 'invitation' | 'reset',
    token: string,
    password: string,
    correlationId: string | undefined,
  ): Promise<Redeemed> {
    const digest = linkDigestOf(token, kind);
    const link = digest ? await this.links.store.linkOf(digest) : null;
    const person = link && link.kind === kind ? await this.links.directory.user(link.personId) : null;
    if (!digest || !person || person.disabled) {
      return credentialsFail(
        'LINK_INVALID',
        'Ссылка недействительна: проверьте, что она скопирована целиком',
      );
    }
    const commandId = this.ids.next();
    const ctx: CommandContext = {
      commandId,
      // Holding the mailed link is what proves who this is: the person acts for themselves.
      actor: { id: person._id, kind: 'user', name: person.name },
      issuedAt: this.clock.now().toISOString(),
      correlationId: correlationId ?? commandId,
      causationId: commandId,
      schoolId: person.memberships[0]?.schoolId ?? '',
    };
    const command: CredentialsCommand =
      kind === 'invitation'
        ? { type: 'AcceptInvitation', data: { personId: person._id, tokenDigest: digest } }
        : { type: 'CompletePasswordReset', data: { personId: person._id, tokenDigest: digest } };
    const streamName = credentialsStreamName(person._id);
    const loaded = await this.handler.load(streamName, credentialsDecider);
    credentialsDecider.decide(command, loaded.state, ctx);
    const normalized = checkNewPassword(password, {
      login: person._id,
      name: person.name,
      email: person.email,
    });
    const hash = await hashSecret(normalized);
    const result = await this.handler.handle(streamName, credentialsDecider, command, ctx);
    const now = this.clock.now();
    await this.links.store.setPasswordHash(person._id, hash, result.revision, now);
    if (kind === 'reset') await this.sessions.revokeAllOf(person._id, now);
    const session = await this.sessions.open(person, now);
    return { session, person, revision: result.revision, position: result.position };
  }
}
