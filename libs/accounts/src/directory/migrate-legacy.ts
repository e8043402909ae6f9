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
import type { DeciderHandler } from '@vsoko/event-sourcing';
import type { Db } from 'mongodb';
import { CredentialStore } from '../store/credentials';
import { POSITION_OF_ROLE } from '../policy';
import type { Role } from '../roles';
import {
  COLLECTIONS,
  type DistrictDocument,
  type SchoolDocument,
  type UserDocument,
} from '../store/documents';

export const MIGRATION_ACTOR: Actor = {
  id: 'vsoko-migration',
  kind: 'system',
  name: 'перенос учётных записей',
};

export interface LegacyMoved {
  districts: number;
  schools: number;
  people: number;
  /** Log position of the last event written, 0 when there was nothing to move. */
  position: number;
}

/**
 * Installations from before positions kept districts, schools and people only as documents (the old `seed demo`
 * wrote them). On start, each such document (one without `_position`) becomes events — a district registered, a
 * school opened, a person registered with the position their role maps to — and its password hash moves to the
 * credentials. Command ids are derived from the document, so a second run (or two processes at once) writes
 * nothing new; the directory then follows the events as for everyone else.
 */
export async function migrateLegacyDirectory(
  db: Db,
  handler: DeciderHandler,
  now: Date,
): Promise<LegacyMoved> {
  const moved: LegacyMoved = { districts: 0, schools: 0, people: 0, position: 0 };
  const legacy = { _position: { $exists: false } } as const;
  const track = (position: number) => (moved.position = Math.max(moved.position, position));
  const ctx = (key: string, schoolId = ''): CommandContext => ({
    commandId: `migrate-legacy:${key}`,
    actor: MIGRATION_ACTOR,
    issuedAt: now.toISOString(),
    correlationId: 'migrate-legacy',
    causationId: `migrate-legacy:${key}`,
    schoolId,
  });
  const authority = { kind: 'system' } as const;

  const districts = await db.collection<DistrictDocument>(COLLECTIONS.districts).find(legacy).toArray();
  const schools = await db.collection<SchoolDocument>(COLLECTIONS.schools).find(legacy).toArray();
  for (const district of districts) {
    const command: DistrictCommand = {
      type: 'RegisterDistrict',
      data: { districtId: district._id, name: district.name, authority },
    };
    const done = await handler.handle(
      districtStreamName(district._id),
      districtDecider,
      command,
      ctx(`district:${district._id}`),
    );
    track(done.position);
    moved.districts++;
  }
  for (const school of schools) {
    const command: DistrictCommand = {
      type: 'RegisterSchool',
      data: { districtId: school.districtId, schoolId: school._id, name: school.name, authority },
    };
    const done = await handler.handle(
      districtStreamName(school.districtId),
      districtDecider,
      command,
      ctx(`school:${school._id}`, school._id),
    );
    track(done.position);
    moved.schools++;
  }

  const credentials = new CredentialStore(db);
  const users = await db.collection<UserDocument>(COLLECTIONS.users).find(legacy).toArray();
  for (const user of users) {
    // Revision -1: below any credentials event, so a password chosen through a link since always wins.
    if (user.passwordHash) await credentials.setPasswordHash(user._id, user.passwordHash, -1, now);
    const commands: { key: string; schoolId: string; command: PersonCommand }[] = [
      {
        key: 'register',
        schoolId: user.memberships[0]?.schoolId ?? '',
        command: {
          type: 'RegisterPerson',
          data: {
            personId: user._id,
            fullName: user.name,
            ...(user.email ? { email: user.email } : {}),
            authority,
          },
        },
      },
      ...user.memberships.flatMap((m) =>
        m.roles.map((role) => ({
          key: `${m.schoolId}:${role}`,
          schoolId: m.schoolId,
          command: {
            type: 'AssignPosition' as const,
            data: {
              personId: user._id,
              holding: { position: POSITION_OF_ROLE[role as Role], schoolId: m.schoolId },
              authority,
            },
          },
        })),
      ),
      ...(user.inspects ?? []).map((districtId) => ({
        key: `${districtId}:inspector`,
        schoolId: '',
        command: {
          type: 'AssignPosition' as const,
          data: {
            personId: user._id,
            holding: { position: 'district-inspector' as const, districtId },
            authority,
          },
        },
      })),
      ...(user.disabled
        ? [
            {
              key: 'disabled',
              schoolId: '',
              command: {
                type: 'DeactivateAccount' as const,
                data: { personId: user._id, reason: 'отключена до перехода на должности', authority },
              },
            },
          ]
        : []),
    ];
    for (const { key, schoolId, command } of commands) {
      const done = await handler.handle(
        personStreamName(user._id),
        personDecider,
        command,
        ctx(`person:${user._id}:${key}`, schoolId),
      );
      track(done.position);
    }
    moved.people++;
  }
  return moved;
}
