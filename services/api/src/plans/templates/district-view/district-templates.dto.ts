import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { WaitQueryDto } from '../../../read-models/page-query.dto';

/** Read-your-writes after a publication or an adoption, and (for the list) one academic year. */
export class DistrictTemplatesQueryDto extends WaitQueryDto {
  @ApiPropertyOptional({ example: '2030/31', description: 'Только шаблоны этого учебного года' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear?: string;
}
