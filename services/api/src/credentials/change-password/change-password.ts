import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  checkNewPassword,
  invalidCredentials,
  Sessions,
  verifySecret,
  type Principal,
} from '@vsoko/accounts';
import { DomainRuleViolation, ValidationFailed } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { CredentialLinks } from '../shared/credential-links';

/**
 * A signed-in person changes their own password, proving they know the current one; every other session of
 * theirs ends, the one that made the change goes on.
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly links: CredentialLinks,
    private readonly sessions: Sessions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async change(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    request: Omit<RequestContext, 'actor'>,
  ) {
    if (principal.kind !== 'user' || principal.via !== 'session' || !principal.sessionId) {
      throw new ValidationFailed('NOT_A_SESSION', 'Пароль меняют, войдя в систему своим логином и паролем');
    }
    const person = await this.links.person(principal.id);
    const stored = await this.links.store.passwordHashOf(person._id);
    const hash = stored === undefined ? person.passwordHash : stored;
    if (!hash || !(await verifySecret(currentPassword, hash))) {
      throw invalidCredentials();
    }
    const normalized = checkNewPassword(newPassword, {
      login: person._id,
      name: person.name,
      email: person.email,
    });
    if (await verifySecret(normalized, hash)) {
      throw new DomainRuleViolation('PASSWORD_UNCHANGED', 'Новый пароль совпадает с текущим');
    }
    const schoolId = principal.schoolId ?? person.memberships[0]?.schoolId ?? '';
    const ctx = commandContext({ ...request, actor: actorOf(principal) }, schoolId, this.clock, this.ids);
    const result = await this.links.run(
      person._id,
      { type: 'ChangePassword', data: { personId: person._id } },
      ctx,
    );
    if (!result.replayed) {
      await this.links.setPassword(person._id, normalized, result.revision);
      await this.sessions.revokeAllOf(person._id, this.clock.now(), principal.sessionId);
    }
    return { personId: person._id, revision: result.revision, position: result.position };
  }
}
