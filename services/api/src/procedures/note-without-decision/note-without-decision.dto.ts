import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { NoteResultsWithoutDecision } from '@vsoko/domain';

export class NoteWithoutDecisionDto {
  @ApiPropertyOptional({ example: 'Информацию принять к сведению' })
  @IsOptional()
  @IsString({ message: 'примечание — строка' })
  @MaxLength(2000, { message: 'примечание не длиннее 2000 символов' })
  note?: string;

  toCommand(procedureId: string): NoteResultsWithoutDecision {
    return {
      type: 'NoteResultsWithoutDecision',
      data: { procedureId, ...(this.note ? { note: this.note } : {}) },
    };
  }
}
