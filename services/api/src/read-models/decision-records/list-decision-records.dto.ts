import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { KEY, ScopeFilterDto } from '../filters';
import { PageQueryDto } from '../page-query.dto';

/**
 * A school's (or the caller's schools') meeting decisions: by lead executor, only those still in work, only those
 * whose deadline in force was missed.
 */
export class ListDecisionRecordsDto extends IntersectionType(
  OmitType(ScopeFilterDto, ['responsible'] as const),
  PageQueryDto,
) {
  @ApiPropertyOptional({ description: 'Логин ведущего исполнителя (executors.lead.personId)' })
  @IsOptional()
  @Matches(KEY, { message: 'executor: логин сотрудника' })
  executor?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true — только открытые и возвращённые в работу',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active: true или false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true — срок в силе пропущен (с active=true — просроченные в работе), false — не пропущен',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue: true или false' })
  overdue?: 'true' | 'false';
}
