import { IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DATE, ScopeFilterDto } from '../filters';
import { PageQueryDto } from '../page-query.dto';

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
