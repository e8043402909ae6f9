import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { assignmentIdOf } from '@vsoko/domain';
import { AdminScope } from '../admin-scope';
import type { PositionDto } from '../shared/position.dto';
import { PeopleLog, type WriteRequest } from '../shared/people-log';

/** Gives someone of the caller's school (or district) one more position, or changes its subjects. */
@Injectable()
export class AssignPosition {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
  ) {}

  async run(personId: string, body: PositionDto, principal: Principal, request: WriteRequest) {
    const holding = body.toDomain();
    // The position decides: in the caller's school or district. That is also how someone of another school
    // (an existing login) joins this one; the domain refuses an unknown or switched-off account.
    const scoped = await this.scope.forPosition(principal, holding);
    const ctx = this.log.contextFor(request)(`assign:${assignmentIdOf(holding)}`, scoped);
    const recorded = await this.log.person(
      personId,
      { type: 'AssignPosition', data: { personId, holding, authority: scoped.authority } },
      ctx,
    );
    return { personId, assignmentId: assignmentIdOf(holding), ...recorded };
  }
}
