import { Command } from '@nestjs/cqrs';
import type { Actor } from '@vsoko/domain';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import type { ScheduleProcedureDto } from './schedule-procedure.dto';

export interface RequestContext {
  actor: Actor;
  idempotencyKey?: string;
  correlationId?: string;
}

export class ScheduleProcedureCommand extends Command<CommandOutcome & { procedureId: string }> {
  constructor(
    readonly body: ScheduleProcedureDto,
    readonly request: RequestContext,
  ) {
    super();
  }
}
