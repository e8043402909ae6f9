import type { Db } from 'mongodb';
import { COLLECTIONS } from './documents';

/**
 * The password hash of a person, kept apart from the event log (the log records that a password was set, never
 * the hash) and apart from the directory record (which the organisation's projection may rewrite). `revision`
 * is the credentials stream's revision of the event that allowed the write: an older write never overwrites a
 * newer one. `passwordHash: null` is a password taken away by a forced reset.
 */
export interface CredentialDocument {
  _id: string;
  passwordHash: string | null;
  revision: number;
  updatedAt: Date;
}

/** A mailed link, found by the SHA-256 digest of its token: which person it is for. Validity is the stream's. */
export interface CredentialLinkDocument {
  _id: string;
  personId: string;
  kind: 'invitation' | 'reset';
  expiresAt: Date;
  /** When its mail was accepted by the SMTP server; absent while it has not (or before this was recorded). */
  mailedAt?: Date;
}

export class CredentialStore {
  constructor(private readonly db: Db) {}

  /** The hash to check a password against: `undefined` when the person never went through this store. */
  async passwordHashOf(personId: string): Promise<string | null | undefined> {
    const doc = await this.credentials().findOne({ _id: personId });
    return doc ? doc.passwordHash : undefined;
  }

  /** Writes the hash allowed by the event at `revision`, unless a later event's write got there first. */
  async setPasswordHash(personId: string, passwordHash: string | null, revision: number, now: Date) {
    const fresher = { _id: personId, revision: { $lt: revision } };
    const result = await this.credentials().updateOne(fresher, {
      $set: { passwordHash, revision, updatedAt: now },
    });
    if (result.matchedCount === 1) return;
    try {
      await this.credentials().insertOne({ _id: personId, passwordHash, revision, updatedAt: now });
    } catch (e) {
      // A document with this or a later revision exists: the later write stands.
      if ((e as { code?: number }).code !== 11000) throw e;
    }
  }

  async saveLink(link: CredentialLinkDocument): Promise<void> {
    await this.links().replaceOne({ _id: link._id }, link, { upsert: true });
  }

  async markMailed(tokenDigest: string, at: Date): Promise<void> {
    await this.links().updateOne({ _id: tokenDigest }, { $set: { mailedAt: at } });
  }

  linkOf(tokenDigest: string): Promise<CredentialLinkDocument | null> {
    return this.links().findOne({ _id: tokenDigest });
  }

  private credentials() {
    return this.db.collection<CredentialDocument>(COLLECTIONS.credentials);
  }

  private links() {
    return this.db.collection<CredentialLinkDocument>(COLLECTIONS.credentialLinks);
  }
}
