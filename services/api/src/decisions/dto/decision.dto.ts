import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHECK_IN_PERIODS, type DecisionDeadline, type DecisionScope, type Executors } from '@vsoko/domain';
import { DATE_PATTERN, IsText } from '../../shared/dto/rules';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';
import type { DecisionDraft } from '../use-cases/decision-use-cases';

const MONTH = /^\d{4}-\d{2}$/;

/** The deadline's parsed form, when the client states it instead of the text as written. */
export class ParsedDeadlineDto {
  @ApiProperty({ enum: ['date', 'months', 'year', 'standing', 'none'] })
  @IsIn(['date', 'months', 'year', 'standing', 'none'], {
    message: 'вид срока: date, months, year, standing или none',
  })
  kind!: DecisionDeadline['kind'];

  @ApiPropertyOptional({ example: '2023-12-31' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  due?: string;

  @ApiPropertyOptional({
    example: '2023-10',
    description: 'Месяц (ГГГГ-ММ) или, для постоянных, день начала',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}(-\d{2})?$/, { message: 'месяц ГГГГ-ММ или дата ГГГГ-ММ-ДД' })
  from?: string;

  @ApiPropertyOptional({ example: '2023-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'месяц в формате ГГГГ-ММ' })
  to?: string;

  @ApiPropertyOptional({ example: '2023/24' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год вида 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'контрольные точки — список дат' })
  @ArrayMaxSize(12, { message: 'до 12 контрольных точек' })
  @Matches(DATE_PATTERN, { each: true, message: 'дата в формате ГГГГ-ММ-ДД' })
  checkIns?: string[];

  @ApiPropertyOptional({ enum: CHECK_IN_PERIODS })
  @IsOptional()
  @IsIn(CHECK_IN_PERIODS as unknown as string[], { message: 'периодичность: week или month' })
  every?: 'week' | 'month';

  toDomain(): DecisionDeadline {
    // The domain checks the fields each kind needs; absent ones arrive empty and are refused there.
    return { ...this } as unknown as DecisionDeadline;
  }
}

/** «Октябрь-декабрь 2023г» as written (read by the server), or the parsed form, or both. */
export class DeadlineDto {
  @ApiPropertyOptional({ example: 'Октябрь-декабрь 2023г' })
  @IsOptional()
  @IsString({ message: 'срок — строка' })
  @MaxLength(300, { message: 'срок — до 300 символов' })
  asWritten?: string;

  @ApiPropertyOptional({ type: ParsedDeadlineDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParsedDeadlineDto)
  parsed?: ParsedDeadlineDto;

  toDraft(): DecisionDraft['deadline'] {
    return {
      ...(this.asWritten !== undefined ? { asWritten: this.asWritten } : {}),
      ...(this.parsed ? { parsed: this.parsed.toDomain() } : {}),
    };
  }
}

export class ExecutorsDto {
  @ApiProperty({ type: ResponsibleDto })
  @IsDefined({ message: 'укажите ответственного' })
  @ValidateNested()
  @Type(() => ResponsibleDto)
  lead!: ResponsibleDto;

  @ApiPropertyOptional({ type: [ResponsibleDto] })
  @IsOptional()
  @IsArray({ message: 'соисполнители — список' })
  @ArrayMaxSize(30, { message: 'до 30 соисполнителей' })
  @ValidateNested({ each: true })
  @Type(() => ResponsibleDto)
  coExecutors?: ResponsibleDto[];

  @ApiPropertyOptional({ example: 'Руководители ШМО, классные руководители, учителя-предметники' })
  @IsOptional()
  @IsString({ message: 'ответственный — строка' })
  @MaxLength(500, { message: 'ответственный — до 500 символов' })
  asWritten?: string;

  toDomain(): Executors {
    return {
      lead: { ...this.lead },
      coExecutors: (this.coExecutors ?? []).map((r) => ({ ...r })),
      ...(this.asWritten !== undefined ? { asWritten: this.asWritten } : {}),
    };
  }
}

export class ScopeDto {
  @ApiPropertyOptional({ example: '1-6' })
  @IsOptional()
  @IsString({ message: 'классы — строка' })
  @MaxLength(100, { message: 'классы — до 100 символов' })
  classes?: string;

  @ApiPropertyOptional({ type: [String], example: ['Русский язык', 'математика'] })
  @IsOptional()
  @IsArray({ message: 'предметы — список' })
  @ArrayMaxSize(50, { message: 'до 50 предметов' })
  @IsString({ each: true, message: 'предмет — строка' })
  @MaxLength(200, { each: true, message: 'предмет — до 200 символов' })
  subjects?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Учителя начальных классов'] })
  @IsOptional()
  @IsArray({ message: 'учителя — список' })
  @ArrayMaxSize(50, { message: 'до 50 записей' })
  @IsString({ each: true, message: 'учитель — строка' })
  @MaxLength(200, { each: true, message: 'учитель — до 200 символов' })
  teachers?: string[];

  toDomain(): DecisionScope {
    return {
      ...(this.classes !== undefined ? { classes: { asWritten: this.classes, classes: [] } } : {}),
      ...(this.subjects ? { subjects: this.subjects } : {}),
      ...(this.teachers ? { teachers: this.teachers } : {}),
    };
  }
}

export class AdoptDecisionDto {
  @ApiProperty({ example: 'ped-2023-08-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;

  @ApiProperty({ example: 1, description: 'Номер решения в протоколе' })
  @IsInt({ message: 'номер — целое число' })
  @Min(1, { message: 'номер — с 1' })
  @Max(999, { message: 'номер — до 999' })
  number!: number;

  @IsText('формулировка решения', 4000, 'Организовать дополнительные занятия для учащихся…')
  wording!: string;

  @ApiPropertyOptional({ type: [String], description: 'Процедуры, по результатам которых принято решение' })
  @IsOptional()
  @IsArray({ message: 'процедуры — список' })
  @ArrayMaxSize(50, { message: 'до 50 процедур' })
  @Matches(ID_PATTERN, { each: true, message: ID_MESSAGE })
  procedureIds?: string[];

  @ApiProperty({ type: ExecutorsDto })
  @IsDefined({ message: 'укажите ответственного' })
  @ValidateNested()
  @Type(() => ExecutorsDto)
  executors!: ExecutorsDto;

  @ApiPropertyOptional({ type: ScopeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;

  @ApiProperty({ type: DeadlineDto })
  @IsDefined({ message: 'срок: как записан (пусто — без срока) или в разобранном виде' })
  @ValidateNested()
  @Type(() => DeadlineDto)
  deadline!: DeadlineDto;

  @ApiPropertyOptional({ description: 'Исполнение отмечается только с подтверждением' })
  @IsOptional()
  @IsBoolean({ message: 'true или false' })
  evidenceRequired?: boolean;

  toDraft(): DecisionDraft {
    return {
      decisionId: this.id,
      number: this.number,
      wording: this.wording,
      procedureIds: this.procedureIds ?? [],
      executors: this.executors.toDomain(),
      scope: this.scope?.toDomain() ?? {},
      deadline: this.deadline.toDraft(),
      evidenceRequired: this.evidenceRequired === true,
    };
  }
}

export class OrderDto {
  @IsText('номер приказа', 50, '112-о')
  number!: string;

  @ApiProperty({ example: '2023-09-01' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  date!: string;
}

export class AdoptByOrderDto extends AdoptDecisionDto {
  @ApiProperty({ type: OrderDto })
  @IsDefined({ message: 'укажите приказ' })
  @ValidateNested()
  @Type(() => OrderDto)
  order!: OrderDto;

  @ApiProperty({ example: '2023/24' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год вида 2023/24' })
  academicYear!: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  @IsString({ message: 'часовой пояс — строка' })
  @MaxLength(64, { message: 'часовой пояс — до 64 символов' })
  timeZone!: string;
}
