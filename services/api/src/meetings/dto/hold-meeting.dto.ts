import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import type { CorrectMeeting, MeetingRecord } from '@vsoko/domain';
import { IsText } from '../../shared/dto/rules';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';
import { ID_PATTERN } from '../../shared/ids';
import { MeetingDateDto } from './meeting-date.dto';
import { MeetingOfficersDto } from './meeting-officers.dto';

export class MinutesItemDto {
  @ApiProperty({ example: 'item-1', description: 'Вопрос повестки' })
  @Matches(ID_PATTERN, { message: 'идентификатор вопроса повестки' })
  itemId!: string;

  @IsText('слушали', 4000, 'Иванову И. И. об итогах ВПР')
  heard!: string;

  @ApiPropertyOptional({ type: [String], description: 'Решения, принятые по вопросу' })
  @IsOptional()
  @IsArray({ message: 'решения — список идентификаторов' })
  @ArrayMaxSize(50, { message: 'до 50 решений по вопросу' })
  @Matches(ID_PATTERN, { each: true, message: 'идентификатор решения' })
  decisionIds?: string[];
}

/** The record of a held meeting; in a correction, only the fields given change. */
export class MeetingRecordDto extends MeetingOfficersDto {
  @ApiPropertyOptional({
    type: MeetingDateDto,
    description: 'Если заседание прошло не в запланированный день',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingDateDto)
  date?: MeetingDateDto;

  @ApiPropertyOptional({ type: [ResponsibleDto] })
  @IsOptional()
  @IsArray({ message: 'участники — список' })
  @ArrayMaxSize(300, { message: 'до 300 участников' })
  @ValidateNested({ each: true })
  @Type(() => ResponsibleDto)
  participants?: ResponsibleDto[];

  @ApiPropertyOptional({ type: [MinutesItemDto] })
  @IsOptional()
  @IsArray({ message: 'протокол — список вопросов' })
  @ArrayMaxSize(100, { message: 'до 100 вопросов' })
  @ValidateNested({ each: true })
  @Type(() => MinutesItemDto)
  minutes?: MinutesItemDto[];

  /** As a correction: a minutes item sent without its decisions keeps the ones it had. */
  toCorrection(): CorrectMeeting['data']['correction'] {
    const { minutes: _m, ...rest } = this.toRecord();
    return {
      ...rest,
      ...(this.minutes
        ? {
            minutes: this.minutes.map((m) => ({
              itemId: m.itemId,
              heard: m.heard,
              ...(m.decisionIds !== undefined ? { decisionIds: m.decisionIds } : {}),
            })),
          }
        : {}),
    };
  }

  toRecord(): Partial<MeetingRecord> {
    return {
      ...(this.date ? { date: this.date.toDomain() } : {}),
      ...(this.chair ? { chair: { ...this.chair } } : {}),
      ...(this.secretary ? { secretary: { ...this.secretary } } : {}),
      ...(this.participants ? { participants: this.participants.map((p) => ({ ...p })) } : {}),
      ...(this.minutes
        ? {
            minutes: this.minutes.map((m) => ({
              itemId: m.itemId,
              heard: m.heard,
              decisionIds: m.decisionIds ?? [],
            })),
          }
        : {}),
    };
  }
}

export class SignProtocolDto {
  @ApiProperty({ example: '2023-08-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'дата в формате ГГГГ-ММ-ДД' })
  signedOn!: string;
}
