import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { AuditTimelineDto } from './audit-timeline.dto';
import { AuditTimeline } from './audit-timeline';

@ApiTags('Аудит')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditTimeline) {}

  @Get()
  @ApiOperation({ summary: 'История событий по процедуре, решению, сотруднику или школе, по порядку записи' })
  timeline(@Query() q: AuditTimelineDto, @ReadableSchools() schools: SchoolScope) {
    return this.audit.timeline(q, schools);
  }
}
