import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

export class PreviewStaffImportDto {
  @ApiProperty({ example: 'school-7' })
  @IsString({ message: 'школа — строка' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  schoolId!: string;
}
