import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../../shared/ids';
import { IanaTimeZone } from '../../../shared/dto/time-zone.validator';

/** The text fields of the multipart upload; the report itself arrives as `file`. */
export class PreviewDecisionsImportDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  schoolId!: string;

  @ApiPropertyOptional({ example: '2023/24', description: 'Учебный год отчёта; по умолчанию — текущий' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({
    example: 'Asia/Yekaterinburg',
    description: 'Часовой пояс школы; по умолчанию — московский',
  })
  @IsOptional()
  @Validate(IanaTimeZone)
  timeZone?: string;

  @ApiPropertyOptional({ description: 'Справочник сотрудников школы (JSON), дополняет общий' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  staff?: string;
}
