import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { Conflict } from '@vsoko/domain';
import { AdminScope } from '../admin-scope';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { OpenSchoolDto } from './open-school.dto';

/** A district administrator opens a school in their district (the director is appointed next, POST /people). */
@Injectable()
export class OpenSchool {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
    private readonly directory: Directory,
  ) {}

  async run(districtId: string, body: OpenSchoolDto, principal: Principal, request: WriteRequest) {
    const scoped = await this.scope.forDistrict(principal, districtId);
    const existing = await this.directory.school(body.id);
    if (existing && existing.districtId !== districtId) {
      throw new Conflict('SCHOOL_ID_TAKEN', `Код школы ${body.id} уже занят в другом районе`, {
        schoolId: body.id,
      });
    }
    const ctx = this.log.contextFor(request)('open-school', { ...scoped, schoolId: body.id });
    const recorded = await this.log.district(
      districtId,
      {
        type: 'RegisterSchool',
        data: { districtId, schoolId: body.id, name: body.name, authority: scoped.authority },
      },
      ctx,
    );
    // Not `schoolId` at the top: the caller's principal predates the school, and the tenant filter would hide it.
    return { districtId, school: { id: body.id, name: body.name.trim() }, ...recorded };
  }
}
