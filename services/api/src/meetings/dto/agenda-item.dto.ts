import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { AgendaItem } from '@vsoko/domain';
import { IsText } from '../../procedures/dto-rules';
import { ID_PATTERN } from '../../procedures/schedule-procedure/schedule-procedure.dto';

const ID_MESSAGE = 'идентификатор: латинские буквы, цифры, _ и -, до 64 символов';

/** One question of the agenda: about a procedure's results, an earlier decision, or anything else. */
export class AgendaItemDto {
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  itemId!: string;

  @IsText('вопрос повестки', 1000, 'Итоги ВПР в 4 классах')
  title!: string;

  @ApiPropertyOptional({ description: 'Процедура, результаты которой рассматриваются' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  procedureId?: string;

  @ApiPropertyOptional({ description: 'Решение прежних заседаний, которое рассматривается снова' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  decisionId?: string;

  toDomain(): AgendaItem {
    const subject = this.procedureId
      ? { kind: 'procedure' as const, procedureId: this.procedureId }
      : this.decisionId
        ? { kind: 'decision' as const, decisionId: this.decisionId }
        : undefined;
    return { itemId: this.itemId, title: this.title, ...(subject ? { subject } : {}) };
  }
}
