import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { Forbidden, NotFound } from '@vsoko/domain';

/** Districts are not schools: who speaks for one, and which district a school belongs to. */
@Injectable()
export class DistrictAccess {
  constructor(private readonly directory: Directory) {}

  /**
   * Whether the caller inspects the district or (with `administrators`) administers it. The development header
   * stand-in (`X-Actor-Role: inspector` or `district-admin`) speaks for any district.
   */
  async speaksFor(principal: Principal, districtId: string, administrators: boolean): Promise<boolean> {
    if (principal.kind !== 'user') return false;
    if (principal.via === 'dev-headers') {
      return (
        principal.roles.includes('inspector') ||
        (administrators && principal.roles.includes('district-admin'))
      );
    }
    if (administrators && (principal.administers?.districts ?? []).includes(districtId)) return true;
    const user = await this.directory.user(principal.id);
    return user?.inspects?.includes(districtId) ?? false;
  }

  /**
   * The district's inspector publishes its calendar and templates; `administrators` lets its district
   * administrator in too (templates).
   */
  async requirePublisher(
    principal: Principal,
    districtId: string,
    options: { administrators?: boolean } = {},
  ): Promise<void> {
    if (await this.speaksFor(principal, districtId, options.administrators ?? false)) return;
    throw new Forbidden(
      'ACTOR_NOT_ALLOWED',
      options.administrators
        ? `Публиковать шаблоны района ${districtId} могут инспектор и администратор этого района`
        : `Публиковать шаблоны района ${districtId} может только инспектор этого района`,
      { districtId },
    );
  }

  /**
   * Reading a district's own records (its templates and who adopted them): its inspectors and administrators.
   * To someone who inspects or administers another district it answers like an unknown district (404), so
   * districts cannot be probed; anyone else holds no role that reads a district (403).
   */
  async requireReader(principal: Principal, districtId: string): Promise<void> {
    if (await this.speaksFor(principal, districtId, true)) return;
    const districtRoles = principal.allRoles.some((r) => r === 'inspector' || r === 'district-admin');
    if (principal.kind === 'user' && districtRoles) {
      throw new NotFound('DISTRICT_NOT_FOUND', `Район ${districtId} не найден`, { districtId });
    }
    throw new Forbidden(
      principal.kind === 'user' ? 'ROLE_NOT_ALLOWED' : 'PERMISSION_REQUIRED',
      'Шаблоны планов района видят инспектор и администратор района',
      { districtId },
    );
  }

  async districtOf(schoolId: string): Promise<string> {
    const school = await this.directory.school(schoolId);
    if (!school)
      throw new NotFound('SCHOOL_NOT_FOUND', `Школа ${schoolId} не зарегистрирована ни в одном районе`);
    return school.districtId;
  }
}
