import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { MeetingDate } from '@vsoko/domain';
import { DATE_PATTERN } from '../../shared/dto/rules';

/** A day, a month («Август 2023»: 2023-08), or unknown when the paper gives no date. */
export class MeetingDateDto {
  @ApiProperty({ enum: ['day', 'month', 'unknown'] })
  @IsIn(['day', 'month', 'unknown'], { message: 'точность даты: day, month или unknown' })
  precision!: MeetingDate['precision'];

  @ApiPropertyOptional({ example: '2023-08-30' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  date?: string;

  @ApiPropertyOptional({ example: '2023-08' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'месяц в формате ГГГГ-ММ' })
  month?: string;

  toDomain(): MeetingDate {
    if (this.precision === 'day') return { precision: 'day', date: this.date ?? '' };
    if (this.precision === 'month') return { precision: 'month', month: this.month ?? '' };
    return { precision: 'unknown' };
  }
}
