import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { AdminScope } from '../admin-scope';
import { personView } from '../shared/person-view';

/** One person with all their positions, for an administrator who may manage them (else 404, like an unknown login). */
@Injectable()
export class GetPerson {
  constructor(private readonly scope: AdminScope) {}

  async run(personId: string, principal: Principal) {
    const { person } = await this.scope.forPerson(principal, personId);
    return personView(person);
  }
}
