import { Injectable } from '@nestjs/common';
import { Directory, type Principal, type UserDocument } from '@vsoko/accounts';
import { type Authority, Forbidden, NotFound, type PositionToAssign } from '@vsoko/domain';

export interface Scoped {
  authority: Authority;
  /** The school the act concerns ('' for a district's own acts): lands in the events' metadata. */
  schoolId: string;
  districtId?: string;
}

/**
 * Tenant checks of the administration use cases, from the caller's positions: a district administrator acts in
 * their district's schools, a director in their own school; everything else is refused here, before the domain
 * decides which acts each of them may do. Guards only let administrators through at all.
 */
@Injectable()
export class AdminScope {
  constructor(private readonly directory: Directory) {}

  async forDistrict(principal: Principal, districtId: string): Promise<Scoped> {
    if (!administers(principal).districts.includes(districtId)) {
      throw new Forbidden('DISTRICT_NOT_ADMINISTERED', `Районом ${districtId} управляет его администратор`, {
        districtId,
      });
    }
    return { authority: { kind: 'district-administrator', districtId }, schoolId: '', districtId };
  }

  /** A district administrator of the school's district wins over its director (wider rights). */
  async forSchool(principal: Principal, schoolId: string): Promise<Scoped> {
    const school = await this.directory.school(schoolId);
    const mine = administers(principal);
    if (school && mine.districts.includes(school.districtId)) {
      return {
        authority: { kind: 'district-administrator', districtId: school.districtId },
        schoolId,
        districtId: school.districtId,
      };
    }
    if (mine.schools.includes(schoolId)) {
      return {
        authority: { kind: 'director', schoolId },
        schoolId,
        ...(school ? { districtId: school.districtId } : {}),
      };
    }
    throw new Forbidden(
      'SCHOOL_NOT_ADMINISTERED',
      `Сотрудников школы ${schoolId} назначают её директор и администратор района`,
      { schoolId },
    );
  }

  forPosition(principal: Principal, holding: PositionToAssign): Promise<Scoped> {
    if (holding.districtId !== undefined && holding.schoolId === undefined) {
      return this.forDistrict(principal, holding.districtId);
    }
    return this.forSchool(principal, holding.schoolId ?? '');
  }

  /**
   * A person the caller may administer: one who works (or worked) at a school the caller directs or whose
   * district they administer. Anyone else answers like an unknown login (404), so logins cannot be probed.
   */
  async forPerson(principal: Principal, personId: string): Promise<{ person: UserDocument } & Scoped> {
    const person = await this.directory.user(personId).catch(() => null);
    const mine = administers(principal);
    if (person) {
      const schools = [
        ...new Set([...(person.schoolsEver ?? []), ...person.memberships.map((m) => m.schoolId)]),
      ];
      const districts = [...new Set([...(person.inspects ?? []), ...(person.administers ?? [])])];
      for (const districtId of mine.districts) {
        const district = await this.directory.district(districtId);
        if (districts.includes(districtId) || schools.some((s) => district?.schoolIds.includes(s))) {
          return {
            person,
            authority: { kind: 'district-administrator', districtId },
            schoolId: '',
            districtId,
          };
        }
      }
      const directed = schools.find((s) => mine.schools.includes(s));
      if (directed !== undefined) {
        return { person, authority: { kind: 'director', schoolId: directed }, schoolId: directed };
      }
    }
    throw new NotFound('PERSON_NOT_FOUND', `Сотрудник ${personId} не найден`, { personId });
  }

  /**
   * A district administrator switches off only someone who works in their district alone: a school of another
   * district (known from the directory) is that district's business.
   */
  async requireAllWithin(person: UserDocument, districtId: string): Promise<void> {
    const district = await this.directory.district(districtId);
    const elsewhere = person.memberships
      .map((m) => m.schoolId)
      .filter((s) => !district?.schoolIds.includes(s))
      .concat([...(person.inspects ?? []), ...(person.administers ?? [])].filter((d) => d !== districtId));
    if (elsewhere.length > 0) {
      throw new Forbidden(
        'PERSON_WORKS_ELSEWHERE',
        `${person.name} работает и за пределами района (${elsewhere.join(', ')}): снимите с должностей своего района`,
        { personId: person._id },
      );
    }
  }
}

function administers(principal: Principal): { districts: string[]; schools: string[] } {
  if (principal.kind !== 'user') return { districts: [], schools: [] };
  return principal.administers ?? { districts: [], schools: [] };
}
