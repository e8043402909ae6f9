import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { AgendaItem } from '@vsoko/domain';
import { IsText } from '../../shared/dto/rules';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

/** One question of the agenda: about a procedure's results, an earlier decision, or anything else. */
export class AgendaItemDto {
  @ApiProperty({ example: 'item-1', description: 'Идентификатор вопроса в повестке' })
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
