import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import type { RequestContext } from '../../shared/request-context';
import type { ScheduleProcedureDto } from './schedule-procedure.dto';

export class ScheduleProcedureCommand extends Command<CommandOutcome & { procedureId: string }> {
  constructor(
    readonly body: ScheduleProcedureDto,
    readonly request: RequestContext,
  ) {
    super();
  }
}
