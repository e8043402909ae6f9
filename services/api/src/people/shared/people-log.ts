import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type CommandContext,
  type DistrictCommand,
  districtDecider,
  districtStreamName,
  type PersonCommand,
  personDecider,
  personStreamName,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import type { Scoped } from '../admin-scope';
import { DirectoryFollower } from '../directory-follower';

/** A write request's keys: the Idempotency-Key names the whole request, each command gets its own id from it. */
export interface WriteRequest {
  actor: Actor;
  idempotencyKey?: string;
  correlationId?: string;
}

export interface Recorded {
  /** Event types written (none when the act had been done already). */
  events: string[];
  /** Log position after the act; the directory already shows it when the answer leaves. */
  position: number;
}

/**
 * The organisation's commands on the one command handler, each followed by a wait for the directory, so that the
 * next request (a sign-in, a list of staff) sees it.
 */
@Injectable()
export class PeopleLog {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly follower: DirectoryFollower,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** One request's context maker: sub-commands are `<key>:<part>`, so a retried request repeats nothing. */
  contextFor(request: WriteRequest): (part: string, scope: Scoped) => CommandContext {
    const key = request.idempotencyKey ?? this.ids.next();
    const issuedAt = this.clock.now().toISOString();
    const correlationId = request.correlationId ?? key;
    return (part, scope) => ({
      commandId: `${key}:${part}`,
      actor: request.actor,
      issuedAt,
      correlationId,
      causationId: key,
      schoolId: scope.schoolId,
      ...(scope.districtId ? { districtId: scope.districtId } : {}),
    });
  }

  async person(personId: string, command: PersonCommand, ctx: CommandContext): Promise<Recorded> {
    const done = await this.handler.handle(personStreamName(personId), personDecider, command, ctx);
    await this.follower.waitFor(done.position);
    return { events: done.events.map((e) => e.type), position: done.position };
  }

  async district(districtId: string, command: DistrictCommand, ctx: CommandContext): Promise<Recorded> {
    const done = await this.handler.handle(districtStreamName(districtId), districtDecider, command, ctx);
    await this.follower.waitFor(done.position);
    return { events: done.events.map((e) => e.type), position: done.position };
  }

  /** Decides several commands in a row on the person's current state without recording: throws the first refusal. */
  async dryRun(
    personId: string,
    commands: readonly (readonly [PersonCommand, CommandContext])[],
  ): Promise<void> {
    let { state } = await this.loadPerson(personId);
    for (const [command, ctx] of commands) {
      state = personDecider.decide(command, state, ctx).reduce(personDecider.evolve, state);
    }
  }

  /** The person as the log has them (the directory may still be catching up): for answers and checks. */
  loadPerson(personId: string) {
    return this.handler.load(personStreamName(personId), personDecider);
  }
}
