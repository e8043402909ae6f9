import { Injectable } from '@nestjs/common';
import { Forbidden } from '@vsoko/domain';
import { meetingProjection, type Condition, type MeetingDocument } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import type { JsonListPage } from '../../read-models/json-page';
import { sortSpec } from '../../read-models/page-query.dto';
import { ReadModelReader } from '../../read-models/read-model-reader';
import { inScope } from '../use-cases/meeting-use-cases';
import type { ListMeetingsDto } from './list-meetings.dto';

/**
 * `GET /meetings`: one page of the meetings of the schools the caller may read. A school the query names is
 * checked here against the caller (the guard's check is the second net); without one, the list is limited to
 * the caller's own schools, so a page and its cursor never reach another tenant's meetings.
 */
@Injectable()
export class ListMeetings {
  constructor(private readonly reader: ReadModelReader) {}

  list(q: ListMeetingsDto, schools: SchoolScope): Promise<JsonListPage<MeetingDocument>> {
    if (q.schoolId && !inScope(schools, q.schoolId)) {
      throw new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать заседания другой школы', {
        schoolId: q.schoolId,
      });
    }
    const filter: Record<string, Condition> = {};
    if (q.schoolId) filter.schoolId = q.schoolId;
    if (q.academicYear) filter.academicYear = q.academicYear;
    if (q.status) filter.status = q.status;
    if (q.level) filter.level = q.level;
    return this.reader.page<MeetingDocument>(
      meetingProjection.collection,
      withinSchools(filter, schools),
      sortSpec(q.sort),
      q,
    );
  }
}
