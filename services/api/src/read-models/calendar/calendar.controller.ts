import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { CalendarQueryDto } from './calendar-query.dto';
import { ListDeadlines } from './list-deadlines';

@ApiTags('Календарь сроков')
@Controller('deadlines')
export class CalendarController {
  constructor(private readonly deadlines: ListDeadlines) {}

  @Get()
  @ApiOperation({ summary: 'Сроки процедур и решений: предстоящие (upcoming) или просроченные (overdue)' })
  list(@Query() q: CalendarQueryDto, @ReadableSchools() schools: SchoolScope) {
    return this.deadlines.list(q, schools);
  }
}
