import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ACADEMIC_YEAR, KEY } from '../../read-models/filters';

export class NextYearPlanDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId!: string;

  @ApiProperty({ example: '2025/26', description: 'Год, план которого копируется на следующий' })
  @Matches(ACADEMIC_YEAR, { message: 'fromYear: учебный год вида 2025/26' })
  fromYear!: string;
}
