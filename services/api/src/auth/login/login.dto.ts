import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'demo.director' })
  @IsString({ message: 'логин — строка' })
  @IsNotEmpty({ message: 'укажите логин' })
  @MaxLength(64, { message: 'логин — до 64 символов' })
  login!: string;

  @ApiProperty({ example: 'vsoko-demo' })
  @IsString({ message: 'пароль — строка' })
  @IsNotEmpty({ message: 'укажите пароль' })
  @MaxLength(200, { message: 'пароль — до 200 символов' })
  password!: string;
}
