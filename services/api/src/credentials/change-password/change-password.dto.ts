import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ example: 'старый пароль' })
  @IsString({ message: 'текущий пароль — строка' })
  @IsNotEmpty({ message: 'укажите текущий пароль' })
  @MaxLength(1000, { message: 'пароль — до 1000 символов' })
  currentPassword!: string;

  @ApiProperty({ example: 'тихий вечер у реки', description: 'От 8 символов, любые буквы и пробелы' })
  @IsString({ message: 'новый пароль — строка' })
  @IsNotEmpty({ message: 'укажите новый пароль' })
  @MaxLength(1000, { message: 'пароль — до 1000 символов' })
  newPassword!: string;
}
