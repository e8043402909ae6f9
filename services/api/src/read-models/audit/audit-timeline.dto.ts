import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { KEY } from '../filters';
import { PageQueryDto } from '../page-query.dto';

class AxisDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'procedureId: идентификатор процедуры' })
  procedureId?: string;

  @ApiPropertyOptional({
    description:
      'Решение процедуры — <procedureId>:<decisionId>; решение-запись (своя история) — его идентификатор',
  })
  @IsOptional()
  @Matches(KEY, { message: 'decision: <procedureId>:<decisionId> или идентификатор решения' })
  decision?: string;

  @ApiPropertyOptional({ description: 'Заседание: его планирование, проведение, исправления протокола' })
  @IsOptional()
  @Matches(KEY, { message: 'meetingId: идентификатор заседания' })
  meetingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'personId: идентификатор сотрудника' })
  personId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;
}

export class AuditTimelineDto extends IntersectionType(PageQueryDto, AxisDto) {}
