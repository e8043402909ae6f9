import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { AdminScope } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { RemovePositionDto } from './remove-position.dto';

/** Relieves someone of one position; the assignment stays in their history. */
@Injectable()
export class RemovePosition {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
  ) {}

  async run(personId: string, body: RemovePositionDto, principal: Principal, request: WriteRequest) {
    const { person } = await this.scope.forPerson(principal, personId);
    const holding = (person.holdings ?? []).find((h) => h.assignmentId === body.assignmentId);
    // The school (or district) of the very position decides who may remove it; the domain then checks the act.
    const scoped = holding
      ? await this.scope.forPosition(principal, holding)
      : await this.scope.forPerson(principal, personId);
    const ctx = this.log.contextFor(request)(`remove:${body.assignmentId}`, scoped);
    const recorded = await this.log.person(
      personId,
      {
        type: 'RemovePosition',
        data: {
          personId,
          assignmentId: body.assignmentId,
          ...(body.reason ? { reason: body.reason } : {}),
          authority: scoped.authority,
        },
      },
      ctx,
    );
    return { personId, assignmentId: body.assignmentId, ...recorded };
  }
}
