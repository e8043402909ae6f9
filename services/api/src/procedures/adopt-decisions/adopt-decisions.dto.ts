import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, Matches, ValidateNested, IsDefined } from 'class-validator';
import type { AdoptDecisions } from '@vsoko/domain';
import { IsDate, IsText } from '../../shared/dto/rules';
import { ID_PATTERN } from '../../shared/ids';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';

export class DecisionDto {
  @ApiProperty({ example: 'd1' })
  @Matches(ID_PATTERN, { message: 'идентификатор решения: латинские буквы, цифры, _ и -, до 64 символов' })
  decisionId!: string;

  @IsText('формулировка решения', 2000, 'Организовать индивидуальные консультации для учащихся группы риска')
  wording!: string;

  @IsDate('2024-05-20')
  deadline!: string;

  @ApiProperty({ type: ResponsibleDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible!: ResponsibleDto;
}

export class AdoptDecisionsDto {
  @ApiProperty({ type: [DecisionDto] })
  @IsArray({ message: 'решения: список' })
  @ArrayNotEmpty({ message: 'укажите хотя бы одно решение (или отметьте «принято к сведению»)' })
  @ArrayMaxSize(50, { message: 'не больше 50 решений за раз' })
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions!: DecisionDto[];

  toCommand(procedureId: string): AdoptDecisions {
    return {
      type: 'AdoptDecisions',
      data: {
        procedureId,
        decisions: this.decisions.map((d) => ({ ...d, responsible: { ...d.responsible } })),
      },
    };
  }
}
