import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VERDICTS, type Verdict } from '@vsoko/domain';
import { DATE_PATTERN, IsText } from '../../shared/dto/rules';
import { ID_PATTERN } from '../../shared/ids';
import { WindowDto } from '../../shared/dto/window.dto';
import { DeadlineDto, ExecutorsDto } from './decision.dto';

export class ReassignDecisionDto {
  @ApiProperty({ type: ExecutorsDto })
  @IsDefined({ message: 'укажите нового ответственного' })
  @ValidateNested()
  @Type(() => ExecutorsDto)
  executors!: ExecutorsDto;

  @IsText('причина', 1000, 'Виноградова В. А. в отпуске по уходу за ребёнком')
  reason!: string;
}

export class ChangeDeadlineDto {
  @ApiProperty({ type: DeadlineDto })
  @IsDefined({ message: 'укажите новый срок' })
  @ValidateNested()
  @Type(() => DeadlineDto)
  deadline!: DeadlineDto;

  @IsText('причина', 1000, 'Программа согласуется с учредителем')
  reason!: string;
}

export class EvidenceLinkDto {
  @Matches(ID_PATTERN, { message: 'идентификатор подтверждения' })
  evidenceId!: string;

  @ApiProperty({ example: 'https://school.example/docs/prikaz-112.pdf' })
  @IsString({ message: 'ссылка — строка' })
  @MaxLength(2000, { message: 'ссылка — до 2000 символов' })
  url!: string;

  @ApiProperty({ example: '2023-12-20', description: 'День, к которому относится документ' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  about!: string;

  @ApiPropertyOptional({ example: 'Приказ № 112 от 20.12.2023' })
  @IsOptional()
  @IsString({ message: 'описание — строка' })
  @MaxLength(1000, { message: 'описание — до 1000 символов' })
  description?: string;
}

export class RecordExecutionDto {
  @ApiProperty({ example: '2023-12-20' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  executedOn!: string;

  @ApiPropertyOptional({ type: [String], description: 'По умолчанию — все приложенные подтверждения' })
  @IsOptional()
  @IsArray({ message: 'подтверждения — список' })
  @ArrayMaxSize(50, { message: 'до 50 подтверждений' })
  @Matches(ID_PATTERN, { each: true, message: 'идентификатор подтверждения' })
  evidenceIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'примечание — строка' })
  @MaxLength(2000, { message: 'примечание — до 2000 символов' })
  note?: string;
}

export class CheckInDto {
  @ApiProperty({ example: '2023-10-31', description: 'Контрольная точка' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  dueOn!: string;

  @IsText('что сделано', 2000, 'Собраны данные 1–4 классов')
  note!: string;
}

export class EffectivenessDto {
  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS as unknown as string[], { message: 'оценка: effective, partly или not-effective' })
  verdict!: Verdict;

  @IsText('показатель', 1000, 'Доля обучающихся, справившихся с ВПР: 78 % (было 62 %)')
  indicator!: string;

  @ApiProperty({ example: '2024-01-20' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  assessedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'примечание — строка' })
  @MaxLength(2000, { message: 'примечание — до 2000 символов' })
  note?: string;

  @ApiPropertyOptional({
    type: WindowDto,
    description:
      'Только при «неэффективно»: когда провести повторную проверку каждой связанной процедуры. По умолчанию — 30 дней с даты оценки, в пределах учебного года',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowDto)
  recheckWindow?: WindowDto;
}
