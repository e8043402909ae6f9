import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsText } from '../../shared/dto/rules';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

/** The school's director, appointed and invited with the school: the invitation needs an address. */
export class NewDirectorDto {
  @ApiProperty({ example: 'smirnova.ev', description: 'Логин директора, он же идентификатор в событиях' })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, {
    message: 'логин: латинские строчные буквы, цифры, точка, _ и -, до 64 символов',
  })
  login!: string;

  @IsText('ФИО', 200, 'Смирнова Елена Викторовна')
  fullName!: string;

  @ApiProperty({
    example: 'smirnova@school7.ru',
    description: 'Сюда уходит приглашение с одноразовой ссылкой',
  })
  @IsEmail({}, { message: 'адрес почты: например, smirnova@school7.ru' })
  @MaxLength(254, { message: 'адрес почты: до 254 символов' })
  email!: string;
}

export class OpenSchoolDto {
  /** Not `schoolId`: that name means «the school this request acts for», and the new school is nobody's yet. */
  @ApiProperty({ example: 'school-7', description: 'Код новой школы: в адресах и заголовке X-School-Id' })
  @Matches(ID_PATTERN, { message: `код школы: ${ID_MESSAGE}` })
  id!: string;

  @IsText('название школы', 200, 'МБОУ «СОШ № 7»')
  name!: string;

  @ApiPropertyOptional({
    type: NewDirectorDto,
    description:
      'Директор школы: назначается вместе с открытием, и ему уходит письмо-приглашение с одноразовой ссылкой',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewDirectorDto)
  director?: NewDirectorDto;
}
