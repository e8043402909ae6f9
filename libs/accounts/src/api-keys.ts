import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { apiKeyInvalid } from './errors';
import type { Principal } from './principal';
import { hashSecret, verifySecret } from './secrets/scrypt-hash';
import { newApiKey, parseApiKey } from './secrets/tokens';
import { COLLECTIONS, type ApiKeyDocument } from './store/documents';

export interface NewApiKey {
  schoolId: string;
  name: string;
  permissions: string[];
  createdBy: string;
  expiresAt?: Date;
}

/** How long a successful scrypt check is remembered; revocation and expiry are still read on every request. */
const VERIFIED_FOR_MS = 60_000;

/** Integration credentials: one school, named permissions, the secret kept only as a scrypt hash. */
export class ApiKeys {
  private readonly verified = new Map<string, number>();

  constructor(private readonly db: Db) {}

  async create(input: NewApiKey, now: Date): Promise<{ keyId: string; key: string }> {
    const { keyId, secret, key } = newApiKey();
    await this.keys().insertOne({
      _id: keyId,
      schoolId: input.schoolId,
      name: input.name,
      permissions: [...input.permissions],
      secretHash: await hashSecret(secret),
      createdBy: input.createdBy,
      createdAt: now,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    });
    return { keyId, key };
  }

  /** Revokes a key of the given school; answers whether there was one. */
  async revoke(keyId: string, schoolId: string, now: Date): Promise<boolean> {
    const result = await this.keys().updateOne({ _id: keyId, schoolId }, { $set: { revokedAt: now } });
    return result.matchedCount === 1;
  }

  /** Revokes every live key a person issued (the person's account was switched off); answers how many. */
  async revokeAllCreatedBy(personId: string, now: Date): Promise<number> {
    const result = await this.keys().updateMany(
      { createdBy: personId, revokedAt: { $exists: false } },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }

  async authenticate(key: string, now: Date): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw apiKeyInvalid();
    const doc = await this.keys().findOne({ _id: parsed.keyId });
    if (!doc || doc.revokedAt || (doc.expiresAt && doc.expiresAt.getTime() <= now.getTime())) {
      throw apiKeyInvalid();
    }
    const digest = createHash('sha256').update(key).digest('hex');
    const until = this.verified.get(digest);
    if (until === undefined || until <= now.getTime()) {
      if (!(await verifySecret(parsed.secret, doc.secretHash))) throw apiKeyInvalid();
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(digest, now.getTime() + VERIFIED_FOR_MS);
    }
    return {
      kind: 'integration',
      id: `integration-${doc._id}`,
      name: doc.name,
      schoolId: doc.schoolId,
      roles: [],
      allRoles: [],
      permissions: doc.permissions,
      readableSchools: [doc.schoolId],
      via: 'api-key',
    };
  }

  private keys() {
    return this.db.collection<ApiKeyDocument>(COLLECTIONS.apiKeys);
  }
}
