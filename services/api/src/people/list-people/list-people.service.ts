import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { AdminScope } from '../admin-scope';
import { personView } from '../shared/person-view';

/** The staff of a school with their positions there (switched-off accounts too, marked), for its administrators. */
@Injectable()
export class ListPeople {
  constructor(
    private readonly scope: AdminScope,
    private readonly directory: Directory,
  ) {}

  async run(schoolId: string, principal: Principal) {
    await this.scope.forSchool(principal, schoolId);
    const people = await this.directory.peopleOf(schoolId);
    return { schoolId, people: people.map((p) => personView(p, schoolId)) };
  }
}
