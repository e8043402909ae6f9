import { ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_LEVELS, MEETING_STATUSES, type MeetingLevel, type MeetingStatus } from '@vsoko/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ACADEMIC_YEAR, KEY } from '../../read-models/filters';
import { PageQueryDto } from '../../read-models/page-query.dto';

const STATUSES = MEETING_STATUSES.filter((s) => s !== 'none');
export const MEETING_SORTS = ['registeredAt', '-registeredAt'];

/** `GET /meetings`: a school's meetings of a year, by status and level, in the order they were registered. */
export class ListMeetingsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Школа; без неё — все школы, доступные вызывающему' })
  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;

  @ApiPropertyOptional({ example: '2026/27' })
  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status: одно из ${STATUSES.join(', ')}` })
  status?: Exclude<MeetingStatus, 'none'>;

  @ApiPropertyOptional({ enum: MEETING_LEVELS })
  @IsOptional()
  @IsIn(MEETING_LEVELS as unknown as string[], { message: `level: одно из ${MEETING_LEVELS.join(', ')}` })
  level?: MeetingLevel;

  @ApiPropertyOptional({
    enum: MEETING_SORTS,
    default: 'registeredAt',
    description: 'registeredAt — в порядке, в каком заседания заносились; -registeredAt — новые сначала',
  })
  @IsOptional()
  @IsIn(MEETING_SORTS, { message: `sort: одно из ${MEETING_SORTS.join(', ')}` })
  sort = 'registeredAt';
}
