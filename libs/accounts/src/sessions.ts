import type { Db } from 'mongodb';
import { invalidCredentials, sessionInvalid } from './errors';
import type { Principal } from './principal';
import { resolveUserPrincipal } from './resolve-principal';
import { hashSecret, verifySecret } from './secrets/scrypt-hash';
import { newSessionToken, SESSION_PREFIX, sessionIdOf } from './secrets/tokens';
import { Directory, LOGIN_PATTERN } from './store/directory';
import { COLLECTIONS, type SessionDocument, type UserDocument } from './store/documents';

export interface SessionIssued {
  token: string;
  expiresAt: Date;
  user: UserDocument;
}

/** Compared against when the login is unknown, so that a wrong login costs the same time as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** Opaque bearer tokens: issued at login, looked up by digest, expiring, revocable one by one or all at once. */
export class Sessions {
  private readonly directory: Directory;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {
    this.directory = new Directory(db);
  }

  async login(login: string, password: string, now: Date): Promise<SessionIssued> {
    const normalized = login.trim().toLowerCase();
    const user = LOGIN_PATTERN.test(normalized) ? await this.directory.user(normalized) : null;
    decoyHash ??= hashSecret('decoy');
    const ok = await verifySecret(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !ok || user.disabled) throw invalidCredentials();
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.sessions().insertOne({ _id: sessionIdOf(token), userId: user._id, createdAt: now, expiresAt });
    return { token, expiresAt, user };
  }

  async authenticate(token: string, schoolHint: string | undefined, now: Date): Promise<Principal> {
    if (!token.startsWith(SESSION_PREFIX) || token.length > 200) throw sessionInvalid();
    const sessionId = sessionIdOf(token);
    const session = await this.sessions().findOne({ _id: sessionId });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now.getTime()) throw sessionInvalid();
    const user = await this.directory.user(session.userId);
    if (!user || user.disabled) throw sessionInvalid();
    return resolveUserPrincipal(this.directory, user, schoolHint, sessionId);
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.sessions().updateOne({ _id: sessionId }, { $set: { revokedAt: now } });
  }

  /** Ends every session of a person (password change, dismissal). A scan, but of an administrative act. */
  async revokeAllOf(userId: string, now: Date): Promise<number> {
    const result = await this.sessions().updateMany(
      { userId, revokedAt: { $exists: false } },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }

  private sessions() {
    return this.db.collection<SessionDocument>(COLLECTIONS.sessions);
  }
}
