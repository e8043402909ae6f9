import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { assignmentIdOf, type PersonCommand } from '@vsoko/domain';
import { AdminScope, type Scoped } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { CreatePersonDto } from './create-person.dto';

/**
 * A director adds a member of staff; a district administrator, a school's director. The account is registered
 * (or found: the same person at a second school) and given each position; every act is an event of the person.
 * No password here: the person chooses one through an invitation (services/api/src/credentials).
 */
@Injectable()
export class CreatePerson {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
  ) {}

  async run(body: CreatePersonDto, principal: Principal, request: WriteRequest) {
    const positions = body.positions.map((p) => p.toDomain());
    const scopes: Scoped[] = [];
    for (const holding of positions) scopes.push(await this.scope.forPosition(principal, holding));
    const ctx = this.log.contextFor(request);
    const register: PersonCommand = {
      type: 'RegisterPerson',
      data: {
        personId: body.login,
        fullName: body.fullName,
        ...(body.email ? { email: body.email } : {}),
        authority: scopes[0].authority,
      },
    };
    const assign = (i: number): PersonCommand => ({
      type: 'AssignPosition',
      data: { personId: body.login, holding: positions[i], authority: scopes[i].authority },
    });
    // Decided as a whole first: a refused position must not leave an account behind with nothing to do.
    await this.log.dryRun(body.login, [
      [register, ctx('register', scopes[0])],
      ...positions.map((_, i) => [assign(i), ctx(`assign:${i}`, scopes[i])] as const),
    ]);
    const registered = await this.log.person(body.login, register, ctx('register', scopes[0]));
    const events = [...registered.events];
    let position = registered.position;
    for (const [i, holding] of positions.entries()) {
      const done = await this.log.person(
        body.login,
        assign(i),
        ctx(`assign:${assignmentIdOf(holding)}`, scopes[i]),
      );
      events.push(...done.events);
      position = Math.max(position, done.position);
    }
    const { state } = await this.log.loadPerson(body.login);
    return {
      personId: body.login,
      registered: registered.events.length > 0,
      holdings: state.status === 'unregistered' ? [] : state.holdings,
      events,
      position,
    };
  }
}
