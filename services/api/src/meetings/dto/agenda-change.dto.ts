import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsText } from '../../shared/dto/rules';
import { ID_PATTERN } from '../../shared/ids';
import { AgendaItemDto } from './agenda-item.dto';

export class AddAgendaItemDto {
  @ApiProperty({ type: AgendaItemDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => AgendaItemDto)
  item!: AgendaItemDto;

  @ApiPropertyOptional({ description: 'Место в повестке, с 1; в конец, если не указано' })
  @IsOptional()
  @IsInt({ message: 'место — целое число' })
  @Min(1, { message: 'место — с 1' })
  @Max(100, { message: 'место — до 100' })
  position?: number;

  @IsText('причина', 1000, 'Предложение директора')
  reason!: string;
}

export class ReorderAgendaDto {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'порядок — список идентификаторов вопросов' })
  @ArrayMaxSize(100, { message: 'повестка — до 100 вопросов' })
  @Matches(ID_PATTERN, { each: true, message: 'идентификатор вопроса' })
  order!: string[];

  @IsText('причина', 1000, 'Сначала о неисполненных решениях')
  reason!: string;
}
