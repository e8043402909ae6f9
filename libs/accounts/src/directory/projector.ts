import type { DistrictEvent, PersonEvent } from '@vsoko/domain';
import type { EventStore, RecordedEvent, Subscription } from '@vsoko/event-store';
import type { Db } from 'mongodb';
import {
  type ApiKeyDocument,
  COLLECTIONS,
  type DistrictDocument,
  type SessionDocument,
  type SchoolDocument,
  type StaffDocument,
  type UserDocument,
} from '../store/documents';
import {
  evolveDistrictDocument,
  evolveUserDocument,
  isOrganisationEvent,
  schoolDocumentOf,
  staffDocumentsOf,
} from './projection';

interface DirectoryState {
  _id: string;
  position: number;
}

const CHECKPOINT_ID = 'checkpoint';

/**
 * Keeps the directory (districts, schools, users, staff) equal to the organisation's events. Delivery is at least
 * once: each document remembers the position it folded, so a replayed batch changes nothing. Several API
 * processes may follow at once; they write the same documents.
 */
export class DirectoryProjector {
  constructor(private readonly db: Db) {}

  async checkpoint(): Promise<number> {
    const state = await this.db
      .collection<DirectoryState>(COLLECTIONS.directoryState)
      .findOne({ _id: CHECKPOINT_ID });
    return state?.position ?? 0;
  }

  /** Applies a batch of the log (any events; only the organisation's are looked at) and moves the checkpoint. */
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (isOrganisationEvent(event.type)) await this.applyOne(event);
    }
    const last = events.at(-1);
    if (last) {
      const save = () =>
        this.db
          .collection<DirectoryState>(COLLECTIONS.directoryState)
          .updateOne({ _id: CHECKPOINT_ID }, { $max: { position: last.position } }, { upsert: true });
      // Two processes creating the checkpoint at once: the loser's upsert fails; the document exists now.
      await save().catch((e: { code?: number }) => (e.code === 11000 ? save() : Promise.reject(e)));
    }
  }

  /** Reads the log from the checkpoint to its end (start-up, tests, the CLI). */
  async catchUp(store: EventStore, pageSize = 1_000): Promise<number> {
    let position = await this.checkpoint();
    for (;;) {
      const page = await store.readAll({ afterPosition: position, maxCount: pageSize });
      if (page.length === 0) return position;
      await this.apply(page);
      position = page[page.length - 1].position;
    }
  }

  /** Follows the log from the checkpoint; `caughtUpTo(position)` gives read-your-writes to the use cases. */
  async follow(store: EventStore): Promise<Subscription> {
    return store.subscribeToAll((events) => this.apply(events), {
      afterPosition: await this.checkpoint(),
      batchSize: 500,
    });
  }

  private async applyOne(event: RecordedEvent): Promise<void> {
    const e = { type: event.type, data: event.data } as DistrictEvent | PersonEvent;
    switch (e.type) {
      case 'DistrictRegistered':
        await this.update<DistrictDocument>(COLLECTIONS.districts, e.data.districtId, event, (doc) =>
          evolveDistrictDocument(doc, e, event.position),
        );
        return;
      case 'SchoolRegistered':
        await this.update<SchoolDocument>(COLLECTIONS.schools, e.data.schoolId, event, () =>
          schoolDocumentOf(e, event.position),
        );
        await this.update<DistrictDocument>(COLLECTIONS.districts, e.data.districtId, event, (doc) =>
          evolveDistrictDocument(doc, e, event.position),
        );
        return;
      default: {
        const seen: { before: UserDocument | null } = { before: null };
        const after = await this.update<UserDocument>(COLLECTIONS.users, e.data.personId, event, (doc) => {
          seen.before = doc;
          return evolveUserDocument(doc, e, event.position);
        });
        if (after) await this.syncStaff(seen.before, after);
        if (e.type === 'AccountDeactivated') await this.revokeAccess(e.data.personId, event);
      }
    }
  }

  /** Loads, evolves and replaces one document unless it has folded this event already; answers the new one. */
  private async update<D extends { _id: string; _position?: number }>(
    collection: string,
    id: string,
    event: RecordedEvent,
    evolve: (doc: D | null) => D | null,
  ): Promise<D | null> {
    const docs = this.db.collection<D>(collection);
    // FerretDB's SQLite backend uses an index only for `_id`: every read and write here is by `_id`.
    const doc = (await docs.findOne({ _id: id } as never)) as D | null;
    if (doc?._position !== undefined && doc._position >= event.position) return null;
    const next = evolve(doc);
    if (!next) return null;
    // Written only over an older state: of two processes applying the same events, the later event wins, and
    // an upsert that finds a newer document (duplicate key) means someone else got there first.
    const older = {
      _id: id,
      $or: [{ _position: { $lt: event.position } }, { _position: { $exists: false } }],
    };
    try {
      const result = await docs.replaceOne(older as never, next as never, { upsert: true });
      if (result.matchedCount === 0 && result.upsertedCount === 0) return null;
    } catch (e) {
      if ((e as { code?: number }).code === 11000) return null;
      throw e;
    }
    return next;
  }

  /**
   * A switched-off account loses its sessions and the API keys it issued. Done here rather than only in the use
   * case, so that it happens even if the API stopped right after the event; a replayed event (a rebuild) touches
   * only what existed when it happened, never sessions of a later reactivation.
   */
  private async revokeAccess(personId: string, event: RecordedEvent): Promise<void> {
    const at = new Date(event.metadata.occurredAt);
    const before = { $lte: at };
    await this.db
      .collection<SessionDocument>(COLLECTIONS.sessions)
      .updateMany(
        { userId: personId, createdAt: before, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
      );
    await this.db
      .collection<ApiKeyDocument>(COLLECTIONS.apiKeys)
      .updateMany(
        { createdBy: personId, createdAt: before, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
      );
  }

  private async syncStaff(before: UserDocument | null, after: UserDocument): Promise<void> {
    const staff = this.db.collection<StaffDocument>(COLLECTIONS.staff);
    const now = staffDocumentsOf(after);
    const gone = staffDocumentsOf(before)
      .map((d) => d._id)
      .concat(before === null ? [] : (before.memberships ?? []).map((m) => `${m.schoolId}:${after._id}`))
      .filter((id) => !now.some((d) => d._id === id));
    for (const id of new Set(gone)) await staff.deleteOne({ _id: id });
    for (const doc of now) {
      // As for users: never over a newer state; a duplicate key is another process's write of the same or later.
      const older = {
        _id: doc._id,
        $or: [{ _position: { $lt: doc._position ?? 0 } }, { _position: { $exists: false } }],
      };
      await staff
        .replaceOne(older, doc, { upsert: true })
        .catch((e: { code?: number }) => (e.code === 11000 ? undefined : Promise.reject(e)));
    }
  }
}
