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
import { MEETING_LEVELS, type MeetingLevel, type PlanMeeting } from '@vsoko/domain';
import { ID_PATTERN } from '../../shared/ids';
import { AgendaItemDto } from './agenda-item.dto';
import { MeetingDateDto } from './meeting-date.dto';
import { MeetingOfficersDto } from './meeting-officers.dto';

export class PlanMeetingDto extends MeetingOfficersDto {
  @ApiProperty({ example: 'ped-2023-08' })
  @Matches(ID_PATTERN, { message: 'идентификатор заседания: латинские буквы, цифры, _ и -, до 64 символов' })
  id!: string;

  @ApiProperty({ example: '2023/24' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год вида 2023/24' })
  academicYear!: string;

  @ApiProperty({ enum: MEETING_LEVELS })
  @IsIn(MEETING_LEVELS as unknown as string[], { message: `уровень: одно из ${MEETING_LEVELS.join(', ')}` })
  level!: MeetingLevel;

  @ApiPropertyOptional({ example: 'учителей начальных классов', description: 'Для заседания ШМО' })
  @IsOptional()
  @IsString({ message: 'объединение — строка' })
  @MaxLength(300, { message: 'объединение — до 300 символов' })
  association?: string;

  @ApiPropertyOptional({ example: 'Общешкольное родительское собрание', description: 'Как называет школа' })
  @IsOptional()
  @IsString({ message: 'название — строка' })
  @MaxLength(300, { message: 'название — до 300 символов' })
  title?: string;

  @ApiProperty({ type: MeetingDateDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => MeetingDateDto)
  date!: MeetingDateDto;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  @IsString({ message: 'часовой пояс — строка' })
  @MaxLength(64, { message: 'часовой пояс — до 64 символов' })
  timeZone!: string;

  @ApiPropertyOptional({ type: [AgendaItemDto], description: 'Без повестки — предлагается автоматически' })
  @IsOptional()
  @IsArray({ message: 'повестка — список' })
  @ArrayMaxSize(100, { message: 'повестка — до 100 вопросов' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];

  toCommand(schoolId: string, agenda: PlanMeeting['data']['agenda']): PlanMeeting {
    return {
      type: 'PlanMeeting',
      data: {
        meetingId: this.id,
        schoolId,
        academicYear: this.academicYear,
        level: this.level,
        ...(this.association !== undefined ? { association: this.association } : {}),
        ...(this.title !== undefined ? { title: this.title } : {}),
        date: this.date.toDomain(),
        ...(this.chair ? { chair: { ...this.chair } } : {}),
        ...(this.secretary ? { secretary: { ...this.secretary } } : {}),
        timeZone: this.timeZone,
        agenda,
      },
    };
  }
}
