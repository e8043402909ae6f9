import { Injectable } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import { schoolHeading, type SchoolHeading } from '@vsoko/documents';

/**
 * The names a document's heading prints, from the organisation's directory (a projection of the district's
 * SchoolRegistered and DistrictRegistered events): two reads by `_id`.
 */
@Injectable()
export class SchoolHeadings {
  constructor(private readonly directory: Directory) {}

  async of(schoolId: string): Promise<SchoolHeading> {
    const school = await this.directory.school(schoolId);
    const district = school ? await this.directory.district(school.districtId) : null;
    return schoolHeading(schoolId, { school, district });
  }
}
