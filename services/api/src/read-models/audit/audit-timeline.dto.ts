import { IntersectionType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { KEY } from '../filters';
import { PageQueryDto } from '../page-query.dto';

class AxisDto {
  @IsOptional()
  @Matches(KEY, { message: 'procedureId: идентификатор процедуры' })
  procedureId?: string;

  /** `<procedureId>:<decisionId>` */
  @IsOptional()
  @Matches(KEY, { message: 'decision: <procedureId>:<decisionId>' })
  decision?: string;

  @IsOptional()
  @Matches(KEY, { message: 'personId: идентификатор сотрудника' })
  personId?: string;

  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;
}

export class AuditTimelineDto extends IntersectionType(PageQueryDto, AxisDto) {}
