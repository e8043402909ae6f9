import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';

/** Who chairs a meeting and who keeps its minutes: named when it is planned, or recorded when it is held. */
export class MeetingOfficersDto {
  @ApiPropertyOptional({ type: ResponsibleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  chair?: ResponsibleDto;

  @ApiPropertyOptional({ type: ResponsibleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  secretary?: ResponsibleDto;
}
