import type { Db } from 'mongodb';
import { COLLECTIONS, type DistrictDocument, type SchoolDocument, type UserDocument } from './documents';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Districts, schools and people as the request path reads them. Written only by the DirectoryProjector from
 * the organisation's events; change them through the administration use cases (services/api/src/people).
 */
export class Directory {
  constructor(private readonly db: Db) {}

  user(login: string): Promise<UserDocument | null> {
    return this.users().findOne({ _id: normalizeLogin(login) });
  }

  school(id: string): Promise<SchoolDocument | null> {
    return this.schools().findOne({ _id: id });
  }

  district(id: string): Promise<DistrictDocument | null> {
    return this.districts().findOne({ _id: id });
  }

  /** Everyone who holds or held a position at the school (switched-off accounts included). An administrative scan. */
  async peopleOf(schoolId: string): Promise<UserDocument[]> {
    const found = await this.users()
      .find({ $or: [{ 'memberships.schoolId': schoolId }, { schoolsEver: schoolId }] })
      .toArray();
    return found.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  /** The people who inspect the district now (switched-off accounts included). An administrative scan. */
  async inspectorsOf(districtId: string): Promise<UserDocument[]> {
    const found = await this.users().find({ inspects: districtId }).toArray();
    return found.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  async schoolsOf(districtId: string): Promise<SchoolDocument[]> {
    const district = await this.district(districtId);
    if (!district) return [];
    const found = await this.schools()
      .find({ _id: { $in: district.schoolIds } })
      .toArray();
    return found.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  users() {
    return this.db.collection<UserDocument>(COLLECTIONS.users);
  }

  schools() {
    return this.db.collection<SchoolDocument>(COLLECTIONS.schools);
  }

  districts() {
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
