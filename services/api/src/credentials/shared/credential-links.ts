import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  AccountMailer,
  CredentialStore,
  Directory,
  hashSecret,
  LinkIssuer,
  personNotFound,
  type LinkMail,
  type LinkPurpose,
  type LinkSent,
  type UserDocument,
} from '@vsoko/accounts';
import type { VsokoConfig } from '@vsoko/config';
import {
  credentialsDecider,
  credentialsStreamName,
  Unavailable,
  type CommandContext,
  type CredentialsCommand,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Db } from 'mongodb';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, CONFIG, READ_DB } from '../../infrastructure/tokens';

export type { LinkPurpose, LinkSent } from '@vsoko/accounts';

/**
 * What every credential use case shares: the person's record, the credentials stream on the one command
 * handler, the mailed link (a token whose digest alone is stored) and the password hash written after the event
 * that allows it.
 */
@Injectable()
export class CredentialLinks implements OnApplicationShutdown {
  private readonly logger = new Logger('credentials');
  readonly store: CredentialStore;
  private readonly issuer: LinkIssuer;
  private mailer?: AccountMailer;

  constructor(
    private readonly handler: DeciderHandler,
    readonly directory: Directory,
    @Inject(READ_DB) db: Db,
    @Inject(CONFIG) private readonly config: VsokoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.store = new CredentialStore(db);
    this.issuer = new LinkIssuer({
      handler,
      store: this.store,
      publicUrl: config.publicUrl,
      invitationTtlHours: config.INVITATION_TTL_HOURS,
      resetTtlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
      now: () => clock.now(),
      send: (mail, messageId) => this.mail(mail, messageId),
    });
  }

  /** A person by login, or 404 — the same answer for an unknown person and one the caller may not see. */
  async person(personId: string): Promise<UserDocument> {
    const user = LOGIN.test(personId) ? await this.directory.user(personId) : null;
    if (!user) throw personNotFound(personId);
    return user;
  }

  run(personId: string, command: CredentialsCommand, ctx: CommandContext) {
    return this.handler.handle(credentialsStreamName(personId), credentialsDecider, command, ctx);
  }

  /**
   * Makes a link of `purpose` for the person, records it with `command` (given the token's digest, expiry and
   * address) and mails it (libs/accounts LinkIssuer). A replayed Idempotency-Key answers the first outcome and
   * sends nothing: the token of the first request is known to nobody any more.
   */
  issue(
    user: UserDocument,
    purpose: LinkPurpose,
    ctx: CommandContext,
    command: (link: { tokenDigest: string; expiresAt: string; sentTo: string }) => CredentialsCommand,
    extra: { schoolName?: string; reason?: string } = {},
    /** Runs once the link is recorded, before the mail is sent (which may fail). */
    onRecorded?: (revision: number) => Promise<void>,
  ): Promise<LinkSent> {
    return this.issuer.issue(
      { id: user._id, name: user.name, ...(user.email ? { email: user.email } : {}) },
      purpose,
      ctx,
      command,
      extra,
      onRecorded,
    );
  }

  /** Records the hash of a new password allowed by the event at `revision`. */
  async setPassword(personId: string, password: string, revision: number): Promise<void> {
    await this.store.setPasswordHash(personId, await hashSecret(password), revision, this.clock.now());
  }

  private async mail(mail: LinkMail, messageId: string): Promise<void> {
    if (!this.config.SMTP_URL) {
      throw new Unavailable(
        'MAIL_NOT_CONFIGURED',
        'Почта не настроена (SMTP_URL): письмо со ссылкой не отправлено',
      );
    }
    this.mailer ??= new AccountMailer(this.config.SMTP_URL);
    try {
      await this.mailer.send(mail, messageId);
    } catch (e) {
      this.logger.error(`письмо не отправлено: ${(e as Error).message}`);
      throw new Unavailable(
        'MAIL_FAILED',
        'Ссылка создана, но письмо не отправлено: почтовый сервер недоступен. Повторите запрос позже — новая ссылка заменит эту',
      );
    }
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
