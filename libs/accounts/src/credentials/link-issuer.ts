import {
  credentialsDecider,
  credentialsStreamName,
  DEFAULT_TIME_ZONE,
  maskAddress,
  type CommandContext,
  type CredentialsCommand,
  type CredentialsEvent,
} from '@vsoko/domain';
import type { DeciderHandler } from '@vsoko/event-sourcing';
import type { LinkMail } from '../mail/account-mail';
import { newLinkToken } from '../secrets/tokens';
import type { CredentialStore } from '../store/credentials';

/** A command id seen again whose mail never left is issued anew under this suffix (then again, if that failed too). */
const RESENT = ':resent';

export type LinkPurpose = 'invitation' | 'reset' | 'forced-reset';

export interface LinkSent {
  personId: string;
  /** The address the link went to, partly hidden: «m***@school.ru». */
  sentTo: string;
  expiresAt: string;
  revision: number;
  position: number;
  eventTypes: string[];
  /** True when the same command id was seen before: nothing was sent again. */
  replayed: boolean;
}

/** Whom a link goes to: the person's login, name and address (from the directory or the person's stream). */
export interface LinkAddressee {
  id: string;
  name: string;
  email?: string;
}

export interface LinkIssuerDeps {
  handler: DeciderHandler;
  store: Pick<CredentialStore, 'saveLink' | 'setPasswordHash' | 'linkOf' | 'markMailed'>;
  /** `PUBLIC_URL`: the address in the links. */
  publicUrl: string;
  invitationTtlHours: number;
  resetTtlMinutes: number;
  now: () => Date;
  /** Sends the rendered mail; a failure is the caller's to report (the API answers 503, an activity retries). */
  send: (mail: LinkMail, messageId: string) => Promise<void>;
}

/**
 * A mailed link, the same in the API (invitations, resets) and in the staff import's workflow activity: a token
 * of 256 random bits, of which only the SHA-256 digest is recorded (the credentials event through the one command
 * handler, then the link document), then the mail. The token lives only in this call and the mail: it never
 * enters a workflow history or the log. A replayed command id answers the first outcome and sends nothing, unless
 * the first call's mail never left: its token is known to nobody, so a new link is issued and mailed instead.
 */
export class LinkIssuer {
  constructor(private readonly deps: LinkIssuerDeps) {}

  async issue(
    user: LinkAddressee,
    purpose: LinkPurpose,
    ctx: CommandContext,
    command: (link: { tokenDigest: string; expiresAt: string; sentTo: string }) => CredentialsCommand,
    extra: { schoolName?: string; reason?: string } = {},
    /** Runs once the link is recorded, before the mail is sent (which may fail). */
    onRecorded?: (revision: number) => Promise<void>,
  ): Promise<LinkSent> {
    const kind = purpose === 'invitation' ? 'invitation' : 'reset';
    const { token, digest } = newLinkToken(kind);
    const now = this.deps.now();
    const ttl =
      kind === 'invitation' ? this.deps.invitationTtlHours * 3_600_000 : this.deps.resetTtlMinutes * 60_000;
    const expiresAt = new Date(now.getTime() + ttl);
    const sentTo = user.email ?? '';
    const result = await this.deps.handler.handle(
      credentialsStreamName(user.id),
      credentialsDecider,
      command({ tokenDigest: digest, expiresAt: expiresAt.toISOString(), sentTo }),
      ctx,
    );
    const recorded = result.events[0] as CredentialsEvent | undefined;
    const outcome: LinkSent = {
      personId: user.id,
      sentTo: maskAddress(sentTo),
      expiresAt: recorded && 'expiresAt' in recorded.data ? recorded.data.expiresAt : expiresAt.toISOString(),
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
      replayed: result.replayed,
    };
    if (result.replayed) {
      // The first call recorded its link; if its mail never left (SMTP down, a crash), the token is lost with it,
      // so a repeat of the same request sends a new link, which replaces that one. Otherwise nothing is sent.
      const first = recorded && 'tokenDigest' in recorded.data ? recorded.data.tokenDigest : undefined;
      const link = first ? await this.deps.store.linkOf(first) : null;
      if (!link || link.mailedAt) return outcome;
      const commandId = `${ctx.commandId}${RESENT}`;
      return this.issue(
        user,
        purpose,
        { ...ctx, commandId, causationId: ctx.commandId },
        command,
        extra,
        onRecorded,
      );
    }
    await this.deps.store.saveLink({ _id: digest, personId: user.id, kind, expiresAt });
    if (purpose === 'forced-reset')
      await this.deps.store.setPasswordHash(user.id, null, result.revision, now);
    await onRecorded?.(result.revision);
    await this.deps.send(
      {
        kind: purpose,
        to: sentTo,
        name: user.name,
        login: user.id,
        link: `${this.deps.publicUrl}/${kind === 'invitation' ? 'invitation' : 'password-reset'}#token=${token}`,
        validUntil: ruDateTime(expiresAt),
        ...extra,
      },
      `${credentialsStreamName(user.id)}.${result.revision}`,
    );
    await this.deps.store.markMailed(digest, this.deps.now());
    return outcome;
  }
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
