import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntersectionType } from '@nestjs/swagger';
import { calendarProjection, type CalendarEntry, type Condition } from '@vsoko/projections';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ReadableSchools, type SchoolScope, withinSchools } from '../../auth/readable-schools.decorator';
import { DATE, scopeFilter, ScopeFilterDto } from '../filters';
import { PageQueryDto } from '../page-query.dto';
import { ReadModelReader } from '../read-model-reader';

const VIEWS = ['upcoming', 'overdue', 'all'] as const;

class CalendarFilterDto {
  @IsOptional()
  @IsIn(VIEWS, { message: `view: одно из ${VIEWS.join(', ')}` })
  view: (typeof VIEWS)[number] = 'upcoming';

  @IsOptional()
  @Matches(DATE, { message: 'from: дата ГГГГ-ММ-ДД' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to: дата ГГГГ-ММ-ДД' })
  to?: string;
}

export class CalendarQueryDto extends IntersectionType(PageQueryDto, ScopeFilterDto, CalendarFilterDto) {}

@ApiTags('Календарь сроков')
@Controller('deadlines')
export class CalendarController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get()
  @ApiOperation({ summary: 'Сроки процедур и решений: предстоящие (upcoming) или просроченные (overdue)' })
  list(@Query() q: CalendarQueryDto, @ReadableSchools() schools: SchoolScope) {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.view === 'upcoming') filter.state = 'open';
    if (q.view === 'overdue') filter.state = 'overdue';
    if (q.from || q.to)
      filter.date = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
    return this.reader.page<CalendarEntry>(
      calendarProjection.collection,
      withinSchools(filter, schools),
      { date: 1, _id: 1 },
      q,
    );
  }
}
