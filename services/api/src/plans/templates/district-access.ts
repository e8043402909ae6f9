import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { Forbidden, NotFound } from '@vsoko/domain';

/** Districts are not schools: who speaks for one, and which district a school belongs to. */
@Injectable()
export class DistrictAccess {
  constructor(private readonly directory: Directory) {}

  /**
   * Templates are published by the district's inspector. The accounts know no district-wide administrator
   * role yet; the development header stand-in (`X-Actor-Role: inspector`) speaks for any district.
   */
  async requirePublisher(principal: Principal, districtId: string): Promise<void> {
    if (
      principal.kind === 'user' &&
      principal.via === 'dev-headers' &&
      principal.roles.includes('inspector')
    ) {
      return;
    }
    const user = principal.kind === 'user' ? await this.directory.user(principal.id) : null;
    if (!user?.inspects.includes(districtId)) {
      throw new Forbidden(
        'ACTOR_NOT_ALLOWED',
        `Публиковать шаблоны района ${districtId} может только инспектор этого района`,
        { districtId },
      );
    }
  }

  async districtOf(schoolId: string): Promise<string> {
    const school = await this.directory.school(schoolId);
    if (!school)
      throw new NotFound('SCHOOL_NOT_FOUND', `Школа ${schoolId} не зарегистрирована ни в одном районе`);
    return school.districtId;
  }
}
