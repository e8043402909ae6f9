import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ACADEMIC_YEAR, KEY } from '../read-models/filters';
import { WaitQueryDto } from '../read-models/page-query.dto';

export class ReportQueryDto extends WaitQueryDto {
  @ApiProperty()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId!: string;

  @ApiProperty({ example: '2026/27' })
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear!: string;
}
