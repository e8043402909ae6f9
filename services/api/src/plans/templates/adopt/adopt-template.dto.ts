import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { ID_PATTERN } from '../../../shared/ids';

const ROW_KEY = /^r-[0-9a-f]{12}$/;

export class AcceptRevisionDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'идентификатор школы: латинские буквы, цифры, _ и -, до 64 символов' })
  schoolId!: string;

  @ApiPropertyOptional({
    description: 'Строки шаблона (ключи r-…): при принятии — дополнительно к уже принятым и новым',
    example: ['r-0a1b2c3d4e5f'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @Matches(ROW_KEY, { each: true, message: 'ключ строки шаблона: r- и 12 шестнадцатеричных цифр' })
  rows?: string[];
}

export class AdoptTemplateDto extends AcceptRevisionDto {
  @ApiPropertyOptional({ description: 'Версия шаблона; по умолчанию — последняя' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PendingQueryDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'идентификатор школы: латинские буквы, цифры, _ и -, до 64 символов' })
  schoolId!: string;
}
