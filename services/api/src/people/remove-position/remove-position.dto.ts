import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RemovePositionDto {
  @ApiProperty({ example: 'school-7:class-teacher:5а', description: 'Назначение из GET /people/{personId}' })
  @IsString({ message: 'назначение: строка' })
  @IsNotEmpty({ message: 'укажите назначение' })
  @MaxLength(300, { message: 'назначение: до 300 символов' })
  assignmentId!: string;

  @ApiPropertyOptional({ example: 'Приказ № 12 от 01.09.2026' })
  @IsOptional()
  @IsString({ message: 'причина: строка' })
  @MaxLength(500, { message: 'причина: до 500 символов' })
  reason?: string;
}
