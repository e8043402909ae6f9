import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PERSON_ID_MESSAGE, PERSON_ID_PATTERN } from '../../shared/ids';

export class HandOverDto {
  @ApiProperty({ example: 'sokolova.tp', description: 'Кому передаются дела: логин сотрудника этой школы' })
  @IsString({ message: 'преемник — строка' })
  @Matches(PERSON_ID_PATTERN, { message: PERSON_ID_MESSAGE })
  to!: string;

  @ApiProperty({ example: 'Иванова М. П. уволилась (приказ № 45-к от 02.12.2026)' })
  @IsString({ message: 'причина — строка' })
  @IsNotEmpty({ message: 'укажите причину передачи дел' })
  @MaxLength(500, { message: 'причина — до 500 символов' })
  reason!: string;
}
