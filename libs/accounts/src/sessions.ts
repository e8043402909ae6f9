import type { Db } from 'mongodb';
import { invalidCredentials, sessionInvalid } from './errors';
import type { Principal } from './principal';
import { resolveUserPrincipal } from './resolve-principal';
import { hashSecret, verifySecret } from './secrets/scrypt-hash';
import { newSessionToken, SESSION_PREFIX, sessionIdOf } from './secrets/tokens';
import { CredentialStore } from './store/credentials';
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
  private readonly credentials: CredentialStore;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {
    this.directory = new Directory(db);
    this.credentials = new CredentialStore(db);
  }

  async login(login: string, password: string, now: Date): Promise<SessionIssued> {
    const normalized = login.trim().toLowerCase();
    const user = LOGIN_PATTERN.test(normalized) ? await this.directory.user(normalized) : null;
    decoyHash ??= hashSecret('decoy');
    // The credentials store holds the password chosen through a mailed link (null: taken away by a forced
    // reset); a person set up before it (the seed, the CLI) still has the directory's hash.
    const stored = user ? await this.credentials.passwordHashOf(user._id) : undefined;
    const hash = stored === undefined ? user?.passwordHash : stored;
    const ok = await verifySecret(password, hash || (await decoyHash));
    if (!user || !hash || !ok || user.disabled) throw invalidCredentials();
    return this.open(user, now);
  }

  /** A new session for a person who has just proved who they are (a password, or a mailed link and a new password). */
  async open(user: UserDocument, now: Date): Promise<SessionIssued> {
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

  /**
   * Ends every session of a person (password change or reset, dismissal), but `keep` (the session that changed
   * the password). A scan, but of an administrative act.
   */
  async revokeAllOf(userId: string, now: Date, keep?: string): Promise<number> {
    const result = await this.sessions().updateMany(
      { userId, revokedAt: { $exists: false }, ...(keep ? { _id: { $ne: keep } } : {}) },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }

  private sessions() {
    return this.db.collection<SessionDocument>(COLLECTIONS.sessions);
  }
}
