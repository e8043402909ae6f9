import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsText } from '../../shared/dto/rules';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

export class OpenSchoolDto {
  /** Not `schoolId`: that name means «the school this request acts for», and the new school is nobody's yet. */
  @ApiProperty({ example: 'school-7', description: 'Код новой школы: в адресах и заголовке X-School-Id' })
  @Matches(ID_PATTERN, { message: `код школы: ${ID_MESSAGE}` })
  id!: string;

  @IsText('название школы', 200, 'МБОУ «СОШ № 7»')
  name!: string;
}
