import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@vsoko/domain';
import { auditProjection, type AuditEntry, type Condition } from '@vsoko/projections';
import { ReadableSchools, type SchoolScope, withinSchools } from '../../auth/readable-schools.decorator';
import { ReadModelReader } from '../read-model-reader';
import { AuditTimelineDto } from './audit-timeline.dto';

@ApiTags('Аудит')
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get()
  @ApiOperation({ summary: 'История событий по процедуре, решению, сотруднику или школе, по порядку записи' })
  timeline(@Query() q: AuditTimelineDto, @ReadableSchools() schools: SchoolScope) {
    const filter: Record<string, Condition> = {};
    if (q.procedureId) filter.procedureId = q.procedureId;
    if (q.decision) filter.decisionKeys = q.decision;
    if (q.personId) filter.personIds = q.personId;
    if (q.schoolId) filter.schoolId = q.schoolId;
    if (Object.keys(filter).length === 0)
      throw new ValidationFailed('AXIS_REQUIRED', 'Укажите procedureId, decision, personId или schoolId');
    return this.reader.page<AuditEntry>(
      auditProjection.collection,
      withinSchools(filter, schools),
      { position: 1 },
      q,
    );
  }
}
