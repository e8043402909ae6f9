import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { PastWindowChoice, PastWindowChoices } from '@vsoko/domain';
import { ID_PATTERN } from '../../shared/ids';

const ACTIONS = ['performed', 'cancelled', 'overdue'] as const;

/** What became of a row whose window had ended before the approval. */
export class PastChoiceDto {
  @ApiProperty({
    enum: ACTIONS,
    description:
      'performed — уже проведена (дата), cancelled — отменить (причина), overdue — оставить просроченной',
  })
  @IsIn(ACTIONS, { message: 'действие: performed, cancelled или overdue' })
  action!: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ example: '2026-10-15', description: 'Для performed: дата проведения' })
  @ValidateIf((o: PastChoiceDto) => o.action === 'performed')
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'дата проведения в виде ГГГГ-ММ-ДД' })
  performedOn?: string;

  @ApiPropertyOptional({ example: 'Не проводилась: приказ № 12', description: 'Для cancelled: причина' })
  @ValidateIf((o: PastChoiceDto) => o.action === 'cancelled')
  @IsString({ message: 'причина отмены — текст' })
  @MaxLength(500)
  reason?: string;
}

export class PastRowChoiceDto extends PastChoiceDto {
  @ApiProperty({ example: 'pl-0a1b2c3d4e5f6a7b8c9d0e1f' })
  @Matches(ID_PATTERN, { message: 'идентификатор процедуры: латинские буквы, цифры, _ и -, до 64 символов' })
  procedureId!: string;
}

export class PastWindowsDto {
  @ApiPropertyOptional({ type: PastChoiceDto, description: 'Для всех прошедших строк' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PastChoiceDto)
  all?: PastChoiceDto;

  @ApiPropertyOptional({ type: [PastRowChoiceDto], description: 'Для отдельных строк (важнее, чем all)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PastRowChoiceDto)
  rows?: PastRowChoiceDto[];
}

export class ApproveImportDto {
  @ApiPropertyOptional({
    type: PastWindowsDto,
    description:
      'Строки, срок которых уже прошёл (pastWindows предпросмотра): что с ними было. Без выбора — остаются просроченными, напоминания идут постепенно',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PastWindowsDto)
  pastWindows?: PastWindowsDto;
}

export function pastWindowChoicesOf(dto: ApproveImportDto | undefined): PastWindowChoices | undefined {
  const past = dto?.pastWindows;
  if (!past) return undefined;
  return {
    ...(past.all ? { all: choiceOf(past.all) } : {}),
    ...(past.rows ? { rows: Object.fromEntries(past.rows.map((r) => [r.procedureId, choiceOf(r)])) } : {}),
  };
}

function choiceOf(dto: PastChoiceDto): PastWindowChoice {
  switch (dto.action) {
    case 'performed':
      return { action: 'performed', performedOn: dto.performedOn ?? '' };
    case 'cancelled':
      return { action: 'cancelled', reason: dto.reason ?? '' };
    case 'overdue':
      return { action: 'overdue' };
  }
}
