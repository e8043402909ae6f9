import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { SchoolCalendarDto } from '../calendar.dto';

/** Either a calendar, or the shipped Russian default for the year. */
export class PublishDistrictCalendarDto {
  @ApiPropertyOptional({ type: SchoolCalendarDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SchoolCalendarDto)
  calendar?: SchoolCalendarDto;

  @ApiPropertyOptional({ example: true, description: 'Опубликовать календарь по умолчанию (РФ) на этот год' })
  @IsOptional()
  @IsBoolean({ message: 'shippedDefault — true или false' })
  shippedDefault?: boolean;
}
