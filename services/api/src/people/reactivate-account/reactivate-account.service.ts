import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { AdminScope } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';

/** Switches an account on again, with the positions it held; the person signs in anew. */
@Injectable()
export class ReactivateAccount {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
  ) {}

  async run(personId: string, principal: Principal, request: WriteRequest) {
    const scoped = await this.scope.forPerson(principal, personId);
    if (scoped.authority.kind === 'district-administrator') {
      await this.scope.requireAllWithin(scoped.person, scoped.authority.districtId);
    }
    const ctx = this.log.contextFor(request)('reactivate', scoped);
    const recorded = await this.log.person(
      personId,
      { type: 'ReactivateAccount', data: { personId, authority: scoped.authority } },
      ctx,
    );
    return { personId, active: true, ...recorded };
  }
}
