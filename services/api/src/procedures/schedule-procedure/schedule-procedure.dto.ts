import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  Validate,
  IsDefined,
} from 'class-validator';
import { DIRECTIONS, RESULT_USES, type Direction, type ResultUse } from '@vsoko/domain';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';
import { IanaTimeZone } from '../../shared/dto/time-zone.validator';
import { WindowDto } from '../../shared/dto/window.dto';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

export class ScheduleProcedureDto {
  @ApiPropertyOptional({
    description: 'Идентификатор процедуры; если не задан, создаётся новый',
    example: 'p-2023-10-vpr',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id?: string;

  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  schoolId!: string;

  @ApiProperty({ example: '2023/24' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear!: string;

  @ApiProperty({ example: 'Стартовая диагностика первоклассников' })
  @IsString({ message: 'название — строка' })
  @IsNotEmpty({ message: 'укажите название процедуры' })
  @MaxLength(500, { message: 'название — до 500 символов' })
  title!: string;

  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS as unknown as string[], { message: `направление: одно из ${DIRECTIONS.join(', ')}` })
  direction!: Direction;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) indicator?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) object?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) method?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) resultForm?: string;

  @ApiPropertyOptional({
    enum: RESULT_USES,
    description:
      'Как используются результаты: meeting — обсуждаются на заседании, document — итог только документ (процедура закрывается после анализа). Если не задано — по форме представления результатов («Информация на сайт» → document).',
  })
  @IsOptional()
  @IsIn(RESULT_USES as unknown as string[], {
    message: `использование результатов: ${RESULT_USES.join(' или ')}`,
  })
  resultUse?: ResultUse;

  @ApiProperty({ type: ResponsibleDto })
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible!: ResponsibleDto;

  @ApiProperty({ type: WindowDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => WindowDto)
  window!: WindowDto;

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'Europe/Moscow' })
  @IsOptional()
  @Validate(IanaTimeZone)
  timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  parentProcedureId?: string;
}
