import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERSON_ID_MESSAGE, PERSON_ID_PATTERN } from '../ids';

/** Who is responsible, as the plan writes it: a role, optionally the person holding it, and the name shown. */
export class ResponsibleDto {
  @ApiPropertyOptional({ example: 'deputy' })
  @IsOptional()
  @IsString({ message: 'роль — строка' })
  @MaxLength(100, { message: 'роль — до 100 символов' })
  role?: string;

  @ApiPropertyOptional({ example: 'deputy.1', description: 'Логин сотрудника' })
  @IsOptional()
  @Matches(PERSON_ID_PATTERN, { message: PERSON_ID_MESSAGE })
  personId?: string;

  @ApiProperty({ example: 'Заместитель директора по УВР' })
  @IsString({ message: 'имя ответственного — строка' })
  @IsNotEmpty({ message: 'укажите ответственного' })
  @MaxLength(200, { message: 'имя ответственного — до 200 символов' })
  name!: string;
}
