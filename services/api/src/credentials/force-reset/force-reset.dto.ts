import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ForceResetDto {
  @ApiProperty({ example: 'Пароль стал известен другому сотруднику' })
  @IsString({ message: 'причина — строка' })
  @IsNotEmpty({ message: 'укажите причину сброса пароля' })
  @MaxLength(500, { message: 'причина — до 500 символов' })
  reason!: string;
}
