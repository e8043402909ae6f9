import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export const ACADEMIC_YEAR = /^\d{4}\/\d{2}$/;
export const KEY = /^[\w.:@-]{1,128}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters shared by the lists: a school, a district, an academic year, a responsible person or role. */
export class ScopeFilterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'districtId: идентификатор района' })
  districtId?: string;

  @ApiPropertyOptional({ example: '2026/27' })
  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ description: 'Логин сотрудника или роль' })
  @IsOptional()
  @Matches(KEY, { message: 'responsible: идентификатор сотрудника или роль' })
  responsible?: string;
}

/** The Mongo filter for the scope: only the fields given. */
export function scopeFilter(q: ScopeFilterDto): Record<string, string> {
  const filter: Record<string, string> = {};
  if (q.schoolId) filter.schoolId = q.schoolId;
  if (q.districtId) filter.districtId = q.districtId;
  if (q.academicYear) filter.academicYear = q.academicYear;
  if (q.responsible) filter.responsibleKey = q.responsible;
  return filter;
}
