import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_TOKENS_COLLECTION, sha256Hex, type CalendarTokenDocument } from '@vsoko/calendar';
import { type Actor, Forbidden, isAdministrator, vsokoError } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Db } from 'mongodb';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, READ_DB } from '../infrastructure/tokens';
import { requireSchoolPeople } from '@vsoko/accounts';

/**
 * Feed tokens: long random strings shown once; MongoDB keeps only their SHA-256 as `_id`, so a stolen database
 * does not give out anybody's calendar, and a lookup is one `_id` read.
 */
@Injectable()
export class FeedTokensService {
  constructor(
    @Inject(READ_DB) private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly handler: DeciderHandler,
  ) {}

  private get tokens() {
    return this.db.collection<CalendarTokenDocument>(CALENDAR_TOKENS_COLLECTION);
  }

  async issue(scope: CalendarTokenDocument['scope'], actor: Actor): Promise<string> {
    const ownFeed = scope.kind === 'person' && actor.kind === 'user' && actor.id === scope.personId;
    if (!isAdministrator(actor) && !ownFeed) {
      throw new Forbidden(
        'ACTOR_NOT_ALLOWED',
        'Ссылку на календарь выдаёт администрация, а на личный календарь — и сам сотрудник',
      );
    }
    // The administration issues a colleague's feed only for someone of its own school: another school's person
    // answers like an unknown id, as everywhere a person id comes from the client.
    if (scope.kind === 'person' && !ownFeed) await requireSchoolPeople(this.handler, scope.schoolId, scope);
    const token = randomBytes(24).toString('base64url');
    await this.tokens.insertOne({
      _id: sha256Hex(token),
      scope,
      createdAt: this.clock.now().toISOString(),
      createdBy: actor.id,
    });
    return token;
  }

  /** The token's scope must be exactly the feed asked for. */
  async verify(token: string | undefined, wanted: { kind: 'school' | 'person'; id: string }) {
    const refuse = () =>
      vsokoError('unauthorized', 'CALENDAR_TOKEN_INVALID', 'Ссылка на календарь недействительна');
    if (!token || !/^[\w-]{16,128}$/.test(token)) throw refuse();
    const doc = await this.tokens.findOne({ _id: sha256Hex(token) });
    if (!doc || doc.scope.kind !== wanted.kind) throw refuse();
    const id = doc.scope.kind === 'school' ? doc.scope.schoolId : doc.scope.personId;
    if (id !== wanted.id) throw refuse();
    return doc.scope;
  }
}
