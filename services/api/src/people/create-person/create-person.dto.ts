import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsOptional,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsText } from '../../shared/dto/rules';
import { PositionDto } from '../shared/position.dto';

export class CreatePersonDto {
  @ApiProperty({ example: 'petrova.ms', description: 'Логин, он же идентификатор сотрудника в событиях' })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, {
    message: 'логин: латинские строчные буквы, цифры, точка, _ и -, до 64 символов',
  })
  login!: string;

  @IsText('ФИО', 200, 'Петрова Мария Сергеевна')
  fullName!: string;

  @ApiPropertyOptional({ example: 'petrova@school7.ru' })
  @IsOptional()
  @IsEmail({}, { message: 'адрес почты: например, petrova@school7.ru' })
  @MaxLength(254, { message: 'адрес почты: до 254 символов' })
  email?: string;

  @ApiProperty({ type: [PositionDto], description: 'Должности: хотя бы одна, можно в нескольких школах' })
  @IsArray({ message: 'должности: список' })
  @ArrayMinSize(1, { message: 'укажите хотя бы одну должность' })
  @ArrayMaxSize(20, { message: 'не больше 20 должностей за раз' })
  @ValidateNested({ each: true })
  @Type(() => PositionDto)
  positions!: PositionDto[];
}
