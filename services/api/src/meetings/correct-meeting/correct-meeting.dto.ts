import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DeadlineDto, ExecutorsDto } from '../../decisions/dto/decision.dto';
import { IsText } from '../../shared/dto/rules';
import { ID_PATTERN } from '../../shared/ids';
import { MeetingRecordDto } from '../dto/hold-meeting.dto';

/** What the protocol got wrong about one decision adopted at the meeting; only the fields given change. */
export class DecisionCorrectionDto {
  @ApiProperty({ example: 'd-1' })
  @Matches(ID_PATTERN, { message: 'идентификатор решения' })
  decisionId!: string;

  @ApiPropertyOptional({ example: 'Составить график контрольно-оценочных процедур' })
  @IsOptional()
  @IsString({ message: 'формулировка — строка' })
  @MaxLength(4000, { message: 'формулировка — до 4000 символов' })
  wording?: string;

  @ApiPropertyOptional({ type: DeadlineDto, description: 'Срок, как он записан; читается заново' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineDto)
  deadline?: DeadlineDto;

  @ApiPropertyOptional({ type: ExecutorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExecutorsDto)
  executors?: ExecutorsDto;
}

/**
 * A correction of a held meeting's protocol: its record (date, chair, secretary, participants, «слушали») and
 * the decisions it adopted, with one reason (ADR 0017).
 */
export class CorrectMeetingDto {
  @ApiPropertyOptional({ type: MeetingRecordDto, description: 'Только исправляемые поля записи' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingRecordDto)
  correction?: MeetingRecordDto;

  @ApiPropertyOptional({ type: [DecisionCorrectionDto] })
  @IsOptional()
  @IsArray({ message: 'решения — список' })
  @ArrayMaxSize(50, { message: 'до 50 решений' })
  @ValidateNested({ each: true })
  @Type(() => DecisionCorrectionDto)
  decisions?: DecisionCorrectionDto[];

  @IsText('причина', 1000, 'Опечатка в дате')
  reason!: string;
}
