import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  AccountMailer,
  CredentialStore,
  Directory,
  hashSecret,
  newLinkToken,
  type LinkMail,
  type UserDocument,
} from '@vsoko/accounts';
import type { VsokoConfig } from '@vsoko/config';
import {
  credentialsDecider,
  credentialsStreamName,
  DEFAULT_TIME_ZONE,
  maskAddress,
  NotFound,
  Unavailable,
  type CommandContext,
  type CredentialsCommand,
  type CredentialsEvent,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Db } from 'mongodb';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, CONFIG, READ_DB } from '../../infrastructure/tokens';

export type LinkPurpose = 'invitation' | 'reset' | 'forced-reset';

export interface LinkSent {
  personId: string;
  /** The address the link went to, partly hidden: «m***@school.ru». */
  sentTo: string;
  expiresAt: string;
  revision: number;
  position: number;
  eventTypes: string[];
  /** True when the same Idempotency-Key was seen before: nothing was sent again. */
  replayed: boolean;
}

/**
 * What every credential use case shares: the person's record, the credentials stream on the one command
 * handler, the mailed link (a token whose digest alone is stored) and the password hash written after the event
 * that allows it.
 */
@Injectable()
export class CredentialLinks implements OnApplicationShutdown {
  private readonly logger = new Logger('credentials');
  readonly store: CredentialStore;
  private mailer?: AccountMailer;

  constructor(
    private readonly handler: DeciderHandler,
    readonly directory: Directory,
    @Inject(READ_DB) db: Db,
    @Inject(CONFIG) private readonly config: VsokoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.store = new CredentialStore(db);
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
   * address) and mails it. A replayed Idempotency-Key answers the first outcome and sends nothing: the token of
   * the first request is known to nobody any more.
   */
  async issue(
    user: UserDocument,
    purpose: LinkPurpose,
    ctx: CommandContext,
    command: (link: { tokenDigest: string; expiresAt: string; sentTo: string }) => CredentialsCommand,
    extra: { schoolName?: string; reason?: string } = {},
    /** Runs once the link is recorded, before the mail is sent (which may fail). */
    onRecorded?: (revision: number) => Promise<void>,
  ): Promise<LinkSent> {
    const kind = purpose === 'invitation' ? 'invitation' : 'reset';
    const { token, digest } = newLinkToken(kind);
    const now = this.clock.now();
    const ttl =
      kind === 'invitation'
        ? this.config.INVITATION_TTL_HOURS * 3_600_000
        : this.config.PASSWORD_RESET_TTL_MINUTES * 60_000;
    const expiresAt = new Date(now.getTime() + ttl);
    const sentTo = user.email ?? '';
    const result = await this.run(
      user._id,
      command({ tokenDigest: digest, expiresAt: expiresAt.toISOString(), sentTo }),
      ctx,
    );
    const recorded = result.events[0] as CredentialsEvent | undefined;
    const outcome = {
      personId: user._id,
      sentTo: maskAddress(sentTo),
      expiresAt: recorded && 'expiresAt' in recorded.data ? recorded.data.expiresAt : expiresAt.toISOString(),
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
      replayed: result.replayed,
    };
    if (result.replayed) return outcome;
    await this.store.saveLink({ _id: digest, personId: user._id, kind, expiresAt });
    if (purpose === 'forced-reset') await this.store.setPasswordHash(user._id, null, result.revision, now);
    await onRecorded?.(result.revision);
    await this.mail(
      {
        kind: purpose,
        to: sentTo,
        name: user.name,
        login: user._id,
        link: `${this.config.publicUrl}/${kind === 'invitation' ? 'invitation' : 'password-reset'}#token=${token}`,
        validUntil: ruDateTime(expiresAt),
        ...extra,
      },
      `${credentialsStreamName(user._id)}.${result.revision}`,
    );
    return outcome;
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

export function personNotFound(personId: string): NotFound {
  return new NotFound('PERSON_NOT_FOUND', `Сотрудник ${personId} не найден`);
}

/** «8 сентября 2026 г., 12:00 (Москва)» in the default zone of the schools. */
function ruDateTime(at: Date): string {
  const text = new Intl.DateTimeFormat('ru-RU', {
    timeZone: DEFAULT_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return `${text} (${DEFAULT_TIME_ZONE})`;
}
