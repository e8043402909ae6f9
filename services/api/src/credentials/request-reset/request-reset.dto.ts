import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RequestResetDto {
  @ApiProperty({ example: 'ivanova.m' })
  @IsString({ message: 'логин — строка' })
  @IsNotEmpty({ message: 'укажите логин' })
  @MaxLength(64, { message: 'логин — до 64 символов' })
  login!: string;
}
