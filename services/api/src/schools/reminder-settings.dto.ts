import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, Max, Min } from 'class-validator';

export class ReminderSettingsDto {
  @ApiProperty({
    type: [Number],
    example: [7, 1],
    description: 'За сколько дней до срока решения напоминать',
  })
  @IsArray({ message: 'дни напоминаний: список чисел' })
  @ArrayNotEmpty({ message: 'укажите хотя бы одно напоминание' })
  @ArrayMaxSize(5, { message: 'не больше 5 напоминаний' })
  @IsInt({ each: true, message: 'дни — целые числа' })
  daysBefore!: number[];

  @ApiProperty({ example: 3, description: 'Через сколько дней после просрочки сообщать директору' })
  @IsInt({ message: 'отсрочка эскалации — целое число дней' })
  @Min(0, { message: 'отсрочка эскалации — от 0 дней' })
  @Max(30, { message: 'отсрочка эскалации — не больше 30 дней' })
  escalationGraceDays!: number;
}
