import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CALENDAR_LIMITS,
  DAY_OFF_KINDS,
  TERM_KINDS,
  type DayOffKind,
  type SchoolCalendar,
  type TermKind,
} from '@vsoko/domain';
import { DATE_PATTERN } from '../../shared/dto/rules';
import { WindowDto } from '../../shared/dto/window.dto';

export class TermDto extends WindowDto {
  @ApiProperty({ example: 1, description: 'Номер четверти (триместра) по порядку, с 1' })
  @IsInt({ message: 'номер четверти — целое число' })
  number!: number;
}

export class DaysOffDto extends WindowDto {
  @ApiProperty({
    enum: DAY_OFF_KINDS,
    description: 'vacation — каникулы, public-holiday — праздник, transfer — перенос',
  })
  @IsIn(DAY_OFF_KINDS, { message: 'вид: vacation, public-holiday или transfer' })
  kind!: DayOffKind;

  @ApiProperty({ example: 'Осенние каникулы' })
  @IsString({ message: 'название — текст' })
  @MaxLength(CALENDAR_LIMITS.maxNameLength)
  name!: string;
}

/** A school's terms and days off for the academic year named in the path. */
export class SchoolCalendarDto {
  @ApiProperty({ enum: TERM_KINDS, description: 'quarter — четверти, trimester — триместры' })
  @IsIn(TERM_KINDS, { message: 'деление года: quarter или trimester' })
  termKind!: TermKind;

  @ApiProperty({ enum: [5, 6], description: 'Пятидневная или шестидневная учебная неделя' })
  @IsIn([5, 6], { message: 'учебная неделя: 5 или 6 дней' })
  weekDays!: 5 | 6;

  @ApiProperty({ type: [TermDto] })
  @IsArray({ message: 'четверти — список' })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  terms!: TermDto[];

  @ApiProperty({ type: [DaysOffDto], description: 'Каникулы, праздники и перенесённые выходные' })
  @IsArray({ message: 'выходные — список' })
  @ArrayMaxSize(CALENDAR_LIMITS.maxDaysOff)
  @ValidateNested({ each: true })
  @Type(() => DaysOffDto)
  daysOff!: DaysOffDto[];

  @ApiProperty({ type: [String], example: ['2025-11-01'], description: 'Рабочие субботы по переносу' })
  @IsArray({ message: 'рабочие выходные — список дат' })
  @ArrayMaxSize(CALENDAR_LIMITS.maxWorkingWeekends)
  @Matches(DATE_PATTERN, { each: true, message: 'дата в формате ГГГГ-ММ-ДД' })
  workingWeekends!: string[];
}

/** The validated body as plain data (the event store keeps plain objects only, not DTO instances). */
export function calendarOf(dto: SchoolCalendarDto, academicYear: string): SchoolCalendar {
  return {
    academicYear,
    termKind: dto.termKind,
    weekDays: dto.weekDays,
    terms: dto.terms.map(({ number, from, to }) => ({ number, from, to })),
    daysOff: dto.daysOff.map(({ kind, name, from, to }) => ({ kind, name, from, to })),
    workingWeekends: [...dto.workingWeekends],
  };
}
