import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested, IsDefined } from 'class-validator';
import type { ExecuteDecision } from '@vsoko/domain';
import { IsDate, IsText } from '../../shared/dto/rules';
import { DocumentRefDto } from '../record-analysis/record-analysis.dto';

export class EvidenceDto {
  @IsText('подтверждение исполнения', 2000, 'Проведены 6 консультаций, журнал консультаций')
  description!: string;

  @ApiPropertyOptional({ type: DocumentRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentRefDto)
  document?: DocumentRefDto;
}

export class ExecuteDecisionDto {
  @IsDate()
  executedOn!: string;

  @ApiProperty({ type: EvidenceDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;

  toCommand(procedureId: string, decisionId: string): ExecuteDecision {
    const { document, description } = this.evidence;
    return {
      type: 'ExecuteDecision',
      data: {
        procedureId,
        decisionId,
        executedOn: this.executedOn,
        evidence: { description, ...(document ? { document: { ...document } } : {}) },
      },
    };
  }
}
