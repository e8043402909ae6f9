import { Inject, Injectable, Logger } from '@nestjs/common';
import { actorOf, Sessions, type Principal } from '@vsoko/accounts';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { CredentialLinks, type LinkSent } from '../shared/credential-links';
import { administeredSchool } from '../shared/person-access';

/**
 * The director imposes a password reset: the current password stops working, every session of the person ends,
 * and a reset link is mailed to the person (never to the director).
 */
@Injectable()
export class ForcePasswordReset {
  private readonly logger = new Logger('credentials');

  constructor(
    private readonly links: CredentialLinks,
    private readonly sessions: Sessions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async force(
    personId: string,
    reason: string,
    principal: Principal,
    request: Omit<RequestContext, 'actor'>,
  ): Promise<LinkSent & { sessionsEnded: number }> {
    const person = await this.links.person(personId);
    const schoolId = administeredSchool(principal, person);
    const ctx = commandContext({ ...request, actor: actorOf(principal) }, schoolId, this.clock, this.ids);
    let sessionsEnded = 0;
    const sent = await this.links.issue(
      person,
      'forced-reset',
      ctx,
      (link) => ({ type: 'ForcePasswordReset', data: { personId: person._id, reason, ...link } }),
      { reason: reason.trim() },
      async () => {
        sessionsEnded = await this.sessions.revokeAllOf(person._id, this.clock.now());
      },
    );
    this.logger.log(`пароль ${person._id} сброшен администрацией, завершено сеансов: ${sessionsEnded}`);
    return { ...sent, sessionsEnded };
  }
}
