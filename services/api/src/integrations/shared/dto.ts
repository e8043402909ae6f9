import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import { DIRECTIONS, type Direction } from '@vsoko/domain';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';

/** Checked by Intl in the service; here only the shape. */
const ZONE = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;

export class SourceDefaultsDto {
  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS as unknown as string[], { message: `направление: одно из ${DIRECTIONS.join(', ')}` })
  direction?: Direction;

  @ApiPropertyOptional({ type: ResponsibleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible?: ResponsibleDto;
}

export class CreateIntegrationDto {
  @ApiPropertyOptional({ example: 'school-1-google' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id?: string;

  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  schoolId!: string;

  @ApiProperty({ example: 'Google-календарь школы' })
  @IsString()
  @IsNotEmpty({ message: 'укажите название интеграции' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'Europe/Moscow' })
  @IsOptional()
  @Matches(ZONE, { message: 'часовой пояс IANA, например Europe/Moscow' })
  timeZone?: string;

  @ApiPropertyOptional({ type: SourceDefaultsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceDefaultsDto)
  defaults?: SourceDefaultsDto;
}

/** A feed to poll (`url`) or a file to read once (`ics`): exactly one of them. */
export class SubscribeFeedDto {
  @ApiProperty({ example: 'План ВСОКО (Google)' })
  @IsString()
  @IsNotEmpty({ message: 'укажите название календаря' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: 'https://calendar.google.com/calendar/ical/…/basic.ics' })
  @ValidateIf((o: SubscribeFeedDto) => o.ics === undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'адрес календаря: http(s)://…, или передайте файл в поле ics' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'Содержимое .ics-файла' })
  @ValidateIf((o: SubscribeFeedDto) => o.url === undefined || o.ics !== undefined)
  @IsString({ message: 'содержимое файла календаря — строка' })
  @Matches(/BEGIN:VCALENDAR/, { message: 'это не файл iCalendar (нет BEGIN:VCALENDAR)' })
  ics?: string;

  @ApiPropertyOptional({ example: 15, default: 15 })
  @IsOptional()
  @IsInt({ message: 'период опроса — целое число минут' })
  @Min(1, { message: 'период опроса — от 1 минуты' })
  @Max(1440, { message: 'период опроса — не реже раза в сутки' })
  pollEveryMinutes?: number;

  @ApiPropertyOptional({ type: SourceDefaultsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceDefaultsDto)
  defaults?: SourceDefaultsDto;
}

export class UploadFileDto {
  @ApiProperty({ description: 'Содержимое .ics-файла' })
  @IsString({ message: 'содержимое файла календаря — строка' })
  @Matches(/BEGIN:VCALENDAR/, { message: 'это не файл iCalendar (нет BEGIN:VCALENDAR)' })
  ics!: string;
}

/** A feed read before subscribing: its address (fetched as a poll fetches it) or a file's text; exactly one. */
export class PreviewFeedDto {
  @ApiPropertyOptional({ example: 'school-1-google', description: 'Интеграция: её часовой пояс и умолчания' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  integrationId?: string;

  @ApiPropertyOptional({ example: 'https://calendar.google.com/calendar/ical/…/basic.ics' })
  @ValidateIf((o: PreviewFeedDto) => o.ics === undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'адрес календаря: http(s)://…, или передайте файл в поле ics' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'Содержимое .ics-файла' })
  @ValidateIf((o: PreviewFeedDto) => o.url === undefined || o.ics !== undefined)
  @IsString({ message: 'содержимое файла календаря — строка' })
  @Matches(/BEGIN:VCALENDAR/, { message: 'это не файл iCalendar (нет BEGIN:VCALENDAR)' })
  ics?: string;

  @ApiPropertyOptional({ type: SourceDefaultsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceDefaultsDto)
  defaults?: SourceDefaultsDto;
}
