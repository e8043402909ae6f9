import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsString,
  MaxLength,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import type { MarkProcedurePerformed } from '@vsoko/domain';
import { IsDate } from '../../shared/dto/rules';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';

export class MarkPerformedDto {
  @IsDate()
  performedOn!: string;

  @ApiProperty({ type: ResponsibleDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => ResponsibleDto)
  performedBy!: ResponsibleDto;

  @ApiProperty({ type: [String], example: ['Работы учащихся 4А и 4Б классов', 'Протоколы проверки'] })
  @IsArray({ message: 'собранные материалы: список строк' })
  @ArrayNotEmpty({ message: 'укажите, что собрано' })
  @ArrayMaxSize(100, { message: 'не больше 100 пунктов' })
  @IsString({ each: true, message: 'каждый пункт — строка' })
  @MaxLength(1000, { each: true, message: 'пункт не длиннее 1000 символов' })
  collected!: string[];

  toCommand(procedureId: string): MarkProcedurePerformed {
    return {
      type: 'MarkProcedurePerformed',
      data: {
        procedureId,
        performedOn: this.performedOn,
        performedBy: { ...this.performedBy },
        collected: this.collected,
      },
    };
  }
}
