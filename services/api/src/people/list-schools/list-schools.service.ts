import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { Forbidden } from '@vsoko/domain';

/** The schools of a district, for its administrator and inspectors. */
@Injectable()
export class ListSchools {
  constructor(private readonly directory: Directory) {}

  async run(districtId: string, principal: Principal) {
    const districts = principal.kind === 'user' ? [...(principal.administers?.districts ?? [])] : [];
    const readable = principal.readableSchools;
    const district = await this.directory.district(districtId);
    const inspects =
      district !== null && readable !== 'any' && district.schoolIds.some((s) => readable.includes(s));
    if (!districts.includes(districtId) && !(inspects && principal.allRoles.includes('inspector'))) {
      throw new Forbidden('DISTRICT_NOT_ALLOWED', `Нет доступа к району ${districtId}`, { districtId });
    }
    const schools = await this.directory.schoolsOf(districtId);
    return {
      districtId,
      name: district?.name ?? null,
      schools: schools.map((s) => ({ schoolId: s._id, name: s.name })),
    };
  }
}
