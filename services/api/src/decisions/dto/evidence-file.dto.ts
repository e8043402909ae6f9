import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN } from '../../shared/dto/rules';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

/** The form fields sent with an evidence file. */
export class EvidenceFileDto {
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  evidenceId!: string;

  @Matches(DATE_PATTERN, { message: 'дата документа в формате ГГГГ-ММ-ДД' })
  about!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'описание — строка' })
  @MaxLength(1000, { message: 'описание — до 1000 символов' })
  description?: string;
}
