import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import type { AsOfBasis } from './state-as-of';

export class AsOfQueryDto {
  @ApiProperty({ example: '2026-11-01T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'at: момент времени ISO 8601, например 2024-05-01T00:00:00Z' })
  at!: string;

  @ApiPropertyOptional({ enum: ['recorded', 'occurred'], default: 'recorded' })
  @IsOptional()
  @IsIn(['recorded', 'occurred'], { message: 'basis: recorded или occurred' })
  basis: AsOfBasis = 'recorded';
}

export class PlanAsOfQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: '2026/27' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear!: string;
}
