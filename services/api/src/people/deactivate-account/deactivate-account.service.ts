import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { AdminScope } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { DeactivateAccountDto } from './deactivate-account.dto';

/**
 * Switches an account off: never deleted, history and positions kept. Its sessions and the API keys it issued
 * are revoked by the directory when it folds the event (DirectoryProjector), before this answers.
 */
@Injectable()
export class DeactivateAccount {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
  ) {}

  async run(personId: string, body: DeactivateAccountDto, principal: Principal, request: WriteRequest) {
    const scoped = await this.scope.forPerson(principal, personId);
    if (scoped.authority.kind === 'district-administrator') {
      await this.scope.requireAllWithin(scoped.person, scoped.authority.districtId);
    }
    const ctx = this.log.contextFor(request)('deactivate', scoped);
    const recorded = await this.log.person(
      personId,
      { type: 'DeactivateAccount', data: { personId, reason: body.reason, authority: scoped.authority } },
      ctx,
    );
    return { personId, active: false, ...recorded };
  }
}
