import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  assignmentIdOf,
  type CommandContext,
  type PersonCommand,
  type PositionToAssign,
} from '@vsoko/domain';
import { AdminScope, type Scoped } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { CreatePersonDto } from './create-person.dto';

/** Who the new person is and which positions they take, each with the scope the caller holds it in. */
export interface Appointment {
  login: string;
  fullName: string;
  email?: string;
  positions: PositionToAssign[];
  scopes: Scoped[];
}

export type ContextMaker = (part: string, scope: Scoped) => CommandContext;

export interface Appointed {
  personId: string;
  /** False when the login was known already (the same person at a second school): nothing registered. */
  registered: boolean;
  holdings: unknown[];
  events: string[];
  position: number;
}

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

  async run(body: CreatePersonDto, principal: Principal, request: WriteRequest): Promise<Appointed> {
    const positions = body.positions.map((p) => p.toDomain());
    const scopes: Scoped[] = [];
    for (const holding of positions) scopes.push(await this.scope.forPosition(principal, holding));
    const appointment: Appointment = {
      login: body.login,
      fullName: body.fullName,
      ...(body.email ? { email: body.email } : {}),
      positions,
      scopes,
    };
    const ctx = this.log.contextFor(request);
    await this.check(appointment, ctx);
    return this.record(appointment, ctx);
  }

  /** Decided as a whole without recording: a refused position must not leave an account with nothing to do. */
  async check(appointment: Appointment, ctx: ContextMaker): Promise<void> {
    const { register, assign } = commandsOf(appointment);
    await this.log.dryRun(appointment.login, [
      [register, ctx('register', appointment.scopes[0])],
      ...appointment.positions.map((_, i) => [assign(i), ctx(`assign:${i}`, appointment.scopes[i])] as const),
    ]);
  }

  /** Registers the person (unless known) and records each position, with command ids from `ctx`. */
  async record(appointment: Appointment, ctx: ContextMaker): Promise<Appointed> {
    const { login, positions, scopes } = appointment;
    const { register, assign } = commandsOf(appointment);
    const registered = await this.log.person(login, register, ctx('register', scopes[0]));
    const events = [...registered.events];
    let position = registered.position;
    for (const [i, holding] of positions.entries()) {
      const done = await this.log.person(
        login,
        assign(i),
        ctx(`assign:${assignmentIdOf(holding)}`, scopes[i]),
      );
      events.push(...done.events);
      position = Math.max(position, done.position);
    }
    const { state } = await this.log.loadPerson(login);
    return {
      personId: login,
      registered: registered.events.length > 0,
      holdings: state.status === 'unregistered' ? [] : state.holdings,
      events,
      position,
    };
  }
}

function commandsOf(a: Appointment): { register: PersonCommand; assign: (i: number) => PersonCommand } {
  return {
    register: {
      type: 'RegisterPerson',
      data: {
        personId: a.login,
        fullName: a.fullName,
        ...(a.email ? { email: a.email } : {}),
        authority: a.scopes[0].authority,
      },
    },
    assign: (i) => ({
      type: 'AssignPosition',
      data: { personId: a.login, holding: a.positions[i], authority: a.scopes[i].authority },
    }),
  };
}
