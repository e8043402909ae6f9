import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DATE_PATTERN } from './rules';

/** A procedure's window, first and last calendar day (YYYY-MM-DD). */
export class WindowDto {
  @ApiProperty({ example: '2023-10-01' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  from!: string;

  @ApiProperty({ example: '2023-10-31' })
  @Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' })
  to!: string;
}
