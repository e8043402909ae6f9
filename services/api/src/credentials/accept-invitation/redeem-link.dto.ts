import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The token from the mailed link and the password the person chose. */
export class RedeemLinkDto {
  @ApiProperty({ example: 'vsi_…', description: 'Токен из ссылки в письме (после #token=)' })
  @IsString({ message: 'токен — строка' })
  @IsNotEmpty({ message: 'укажите токен из ссылки' })
  @MaxLength(100, { message: 'токен — до 100 символов' })
  token!: string;

  @ApiProperty({
    example: 'тихий вечер у реки',
    description: 'Новый пароль: от 8 символов, любые буквы и пробелы',
  })
  @IsString({ message: 'пароль — строка' })
  @IsNotEmpty({ message: 'укажите пароль' })
  @MaxLength(1000, { message: 'пароль — до 1000 символов' })
  password!: string;
}
