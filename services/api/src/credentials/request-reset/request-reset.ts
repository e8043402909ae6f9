import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext } from '../../shared/request-context';
import { CredentialLinks } from '../shared/credential-links';

export const RESET_REQUESTED_MESSAGE =
  'Если такая учётная запись есть и у неё указана почта, на эту почту отправлена ссылка для сброса пароля';

/**
 * Anyone may ask for a reset link by login; it goes only to the address on record. The answer is the same
 * whether the login exists or not, and it is given before the work is done, so that neither its text nor its
 * timing tells which logins exist.
 */
@Injectable()
export class RequestPasswordReset {
  private readonly logger = new Logger('credentials');
  /** The work of the requests answered but not finished: awaited by tests and at shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly links: CredentialLinks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  request(login: string, correlationId?: string): { message: string } {
    const work = this.send(login.trim().toLowerCase(), correlationId)
      .catch((e: unknown) => this.logger.warn(`сброс пароля не выполнен: ${(e as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { message: RESET_REQUESTED_MESSAGE };
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async send(login: string, correlationId?: string): Promise<void> {
    const person = await this.links.person(login).catch(() => null);
    if (!person || person.disabled || !person.email) return;
    const request = {
      actor: { id: 'password-reset', kind: 'system' as const, name: 'запрос сброса пароля по логину' },
      ...(correlationId ? { correlationId } : {}),
    };
    const ctx = commandContext(request, person.memberships[0]?.schoolId ?? '', this.clock, this.ids);
    await this.links.issue(person, 'reset', ctx, (link) => ({
      type: 'RequestPasswordReset',
      data: { personId: person._id, ...link },
    }));
  }
}
