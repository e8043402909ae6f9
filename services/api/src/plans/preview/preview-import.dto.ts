import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../shared/ids';

/** The text fields of the multipart upload; the file itself arrives as `file`. */
export class PreviewImportDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'идентификатор школы: латинские буквы, цифры, _ и -, до 64 символов' })
  schoolId!: string;

  @ApiPropertyOptional({
    example: '2023/24',
    description:
      'По умолчанию — год из заголовка плана («на 2025/26 учебный год»), иначе текущий учебный год; если указан и расходится с заголовком, предпросмотр предупреждает',
  })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ description: 'Справочник сотрудников школы (JSON), дополняет общий' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  staff?: string;
}
