import type { Db } from 'mongodb';
import { hashSecret } from '../secrets/scrypt-hash';
import type { SchoolRole } from '../roles';
import {
  COLLECTIONS,
  type DistrictDocument,
  type Membership,
  type SchoolDocument,
  type UserDocument,
} from './documents';

export interface NewUser {
  login: string;
  name: string;
  email?: string;
  password: string;
  memberships?: Membership[];
  inspects?: string[];
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Districts, schools and people: written by administration tools (the seed, the CLI), read on every request. */
export class Directory {
  constructor(private readonly db: Db) {}

  async putDistrict(district: { id: string; name: string }): Promise<void> {
    const existing = await this.districts().findOne({ _id: district.id });
    await this.districts().replaceOne(
      { _id: district.id },
      { name: district.name, schoolIds: existing?.schoolIds ?? [] },
      { upsert: true },
    );
  }

  async putSchool(school: { id: string; districtId: string; name: string }): Promise<void> {
    const district = await this.districts().findOne({ _id: school.districtId });
    if (!district) throw new Error(`район ${school.districtId} не найден`);
    await this.schools().updateOne(
      { _id: school.id },
      { $set: { districtId: school.districtId, name: school.name } },
      { upsert: true },
    );
    if (!district.schoolIds.includes(school.id)) {
      await this.districts().updateOne(
        { _id: school.districtId },
        { $set: { schoolIds: [...district.schoolIds, school.id] } },
      );
    }
  }

  /** Creates or replaces a person; the password is kept only as a scrypt hash. */
  async putUser(user: NewUser): Promise<UserDocument> {
    const login = normalizeLogin(user.login);
    const doc: UserDocument = {
      _id: login,
      name: user.name,
      ...(user.email ? { email: user.email } : {}),
      passwordHash: await hashSecret(user.password),
      memberships: (user.memberships ?? []).map((m) => ({ schoolId: m.schoolId, roles: [...m.roles] })),
      inspects: [...(user.inspects ?? [])],
    };
    await this.users().replaceOne({ _id: login }, doc, { upsert: true });
    return doc;
  }

  async grant(login: string, schoolId: string, roles: SchoolRole[]): Promise<void> {
    const user = await this.user(login);
    if (!user) throw new Error(`пользователь ${login} не найден`);
    const others = user.memberships.filter((m) => m.schoolId !== schoolId);
    await this.users().updateOne(
      { _id: user._id },
      { $set: { memberships: [...others, { schoolId, roles }] } },
    );
  }

  user(login: string): Promise<UserDocument | null> {
    return this.users().findOne({ _id: normalizeLogin(login) });
  }

  school(id: string): Promise<SchoolDocument | null> {
    return this.schools().findOne({ _id: id });
  }

  district(id: string): Promise<DistrictDocument | null> {
    return this.districts().findOne({ _id: id });
  }

  users() {
    return this.db.collection<UserDocument>(COLLECTIONS.users);
  }

  private schools() {
    return this.db.collection<SchoolDocument>(COLLECTIONS.schools);
  }

  private districts() {
    return this.db.collection<DistrictDocument>(COLLECTIONS.districts);
  }
}

export function normalizeLogin(login: string): string {
  const normalized = login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(normalized)) {
    throw new Error('логин: латинские буквы, цифры, точка, _ и -, до 64 символов');
  }
  return normalized;
}
