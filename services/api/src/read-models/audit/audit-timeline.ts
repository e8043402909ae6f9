import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@vsoko/domain';
import { auditProjection, type AuditEntry, type Condition } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import type { JsonListPage } from '../json-page';
import { ReadModelReader } from '../read-model-reader';
import type { AuditTimelineDto } from './audit-timeline.dto';

/** `GET /audit`: the events of one procedure, decision, meeting, person or school in the order they were recorded. */
@Injectable()
export class AuditTimeline {
  constructor(private readonly reader: ReadModelReader) {}

  timeline(q: AuditTimelineDto, schools: SchoolScope): Promise<JsonListPage<AuditEntry>> {
    const filter: Record<string, Condition> = {};
    if (q.procedureId) filter.procedureId = q.procedureId;
    if (q.decision) filter.decisionKeys = q.decision;
    if (q.meetingId) filter.meetingId = q.meetingId;
    if (q.personId) filter.personIds = q.personId;
    if (q.schoolId) filter.schoolId = q.schoolId;
    if (Object.keys(filter).length === 0)
      throw new ValidationFailed(
        'AXIS_REQUIRED',
        'Укажите procedureId, decision, meetingId, personId или schoolId',
      );
    return this.reader.page<AuditEntry>(
      auditProjection.collection,
      withinSchools(filter, schools),
      { position: 1 },
      q,
    );
  }
}
