import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ArrayMaxSize } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../../shared/ids';

/** Text fields of the multipart upload (the file is `file`), or a JSON body with the table in `rows`. */
export class PublishTemplateDto {
  @ApiProperty({ example: 'district-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  districtId!: string;

  @ApiProperty({ example: 'vpr-2031' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  templateId!: string;

  @ApiProperty({ example: 'Мониторинг ВПР' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: '2030/31', description: 'По умолчанию — текущий учебный год' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ description: 'Версия, которую видел публикующий: защита от одновременной правки' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expectedVersion?: number;

  @ApiPropertyOptional({
    description: 'Таблица без файла: строки как массивы ячеек (первая — заголовок) или как объекты',
    type: 'array',
    items: {},
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  rows?: unknown[];

  @ApiPropertyOptional({ description: 'Справочник сотрудников (JSON), дополняет общий' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  staff?: string;
}
