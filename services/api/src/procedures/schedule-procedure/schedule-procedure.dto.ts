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
  type ValidatorConstraintInterface,
  ValidatorConstraint,
  IsDefined,
} from 'class-validator';
import { DIRECTIONS, type Direction } from '@vsoko/domain';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** People are named by their login (libs/accounts), which may contain dots: «deputy.1». */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_MESSAGE = 'идентификатор: латинские буквы, цифры, _ и -, до 64 символов';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ValidatorConstraint({ name: 'ianaTimeZone' })
class IanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      new Intl.DateTimeFormat('ru', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'часовой пояс IANA, например Europe/Moscow или Asia/Yekaterinburg';
  }
}

export class ResponsibleDto {
  @ApiPropertyOptional({ example: 'deputy' })
  @IsOptional()
  @IsString({ message: 'роль — строка' })
  @MaxLength(100, { message: 'роль — до 100 символов' })
  role?: string;

  @ApiPropertyOptional({ example: 'deputy.1', description: 'Логин сотрудника' })
  @IsOptional()
  @Matches(PERSON_ID_PATTERN, {
    message: 'сотрудник: его логин — латинские буквы, цифры, точка, _ и -, до 64 символов',
  })
  personId?: string;

  @ApiProperty({ example: 'Заместитель директора по УВР' })
  @IsString({ message: 'имя ответственного — строка' })
  @IsNotEmpty({ message: 'укажите ответственного' })
  @MaxLength(200, { message: 'имя ответственного — до 200 символов' })
  name!: string;
}

export class WindowDto {
  @ApiProperty({ example: '2023-10-01' })
  @Matches(DATE, { message: 'дата в формате ГГГГ-ММ-ДД' })
  from!: string;

  @ApiProperty({ example: '2023-10-31' })
  @Matches(DATE, { message: 'дата в формате ГГГГ-ММ-ДД' })
  to!: string;
}

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
