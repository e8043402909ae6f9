import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Календарь школы (Яндекс)' })
  @IsString({ message: 'название — строка' })
  @IsNotEmpty({ message: 'укажите название ключа' })
  @MaxLength(200, { message: 'название — до 200 символов' })
  name!: string;

  @ApiProperty({ example: ['procedures:read', 'procedures:write'] })
  @IsArray({ message: 'разрешения — список' })
  @ArrayNotEmpty({ message: 'укажите хотя бы одно разрешение' })
  @ArrayMaxSize(20, { message: 'не больше 20 разрешений' })
  @Matches(/^[a-z][a-z-]{0,31}:(read|write)$/, { each: true, message: 'разрешение вида procedures:read' })
  permissions!: string[];

  @ApiPropertyOptional({ example: '2025-06-30T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'срок действия — дата ISO 8601' })
  expiresAt?: string;
}
