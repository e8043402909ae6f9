import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_TIME_ZONE } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { SchoolSettings } from '../../schools/school-settings.service';
import { ProcedureGateway } from '../gateway/procedure-gateway';
import { IdempotencyKeys } from '../../shared/idempotency-keys';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { ScheduleProcedureCommand } from './schedule-procedure.command';
import type { ScheduleProcedureDto } from './schedule-procedure.dto';

@CommandHandler(ScheduleProcedureCommand)
export class ScheduleProcedureHandler implements ICommandHandler<ScheduleProcedureCommand> {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly schools: SchoolSettings,
    private readonly keys: IdempotencyKeys,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ body, request }: ScheduleProcedureCommand) {
    const command = { type: 'ScheduleProcedure', data: body };
    return this.keys.run(request.idempotencyKey, body.schoolId, command, () => this.schedule(body, request));
  }

  private async schedule(body: ScheduleProcedureDto, request: RequestContext) {
    const procedureId = body.id ?? this.ids.next();
    const context = commandContext(request, body.schoolId, this.clock, this.ids);
    const { id: _omit, ...fields } = body;
    const { daysBefore, escalationGraceDays } = await this.schools.reminders(body.schoolId);
    const outcome = await this.gateway.start(procedureId, {
      command: {
        type: 'ScheduleProcedure',
        data: {
          ...fields,
          procedureId,
          timeZone: body.timeZone ?? DEFAULT_TIME_ZONE,
          responsible: { ...body.responsible },
          window: { ...body.window },
          reminders: { daysBefore, escalationGraceDays },
        },
      },
      context,
    });
    return { procedureId, ...outcome };
  }
}
