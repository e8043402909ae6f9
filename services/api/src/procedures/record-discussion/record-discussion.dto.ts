import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested, IsDefined } from 'class-validator';
import { MEETING_LEVELS, type MeetingLevel, type RecordDiscussion } from '@vsoko/domain';
import { IsDate, IsText } from '../../shared/dto/rules';

export class MeetingDto {
  @ApiProperty({ enum: MEETING_LEVELS })
  @IsIn(MEETING_LEVELS as unknown as string[], {
    message: `уровень совещания: одно из ${MEETING_LEVELS.join(', ')}`,
  })
  level!: MeetingLevel;

  @IsDate()
  heldOn!: string;

  @IsText('номер протокола', 50, '3')
  protocolNumber!: string;
}

export class RecordDiscussionDto {
  @ApiProperty({ type: MeetingDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => MeetingDto)
  meeting!: MeetingDto;

  toCommand(procedureId: string): RecordDiscussion {
    return { type: 'RecordDiscussion', data: { procedureId, meeting: { ...this.meeting } } };
  }
}
