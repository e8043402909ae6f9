import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { SchoolSettings } from '../../schools/school-settings.service';
import { ProcedureGateway } from '../gateway/procedure-gateway';
import { ScheduleProcedureCommand, type RequestContext } from './schedule-procedure.command';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

@CommandHandler(ScheduleProcedureCommand)
export class ScheduleProcedureHandler implements ICommandHandler<ScheduleProcedureCommand> {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly schools: SchoolSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ body, request }: ScheduleProcedureCommand) {
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

export function commandContext(
  request: RequestContext,
  schoolId: string,
  clock: Clock,
  ids: IdGenerator,
): CommandContext {
  const commandId = request.idempotencyKey ?? ids.next();
  return {
    commandId,
    actor: request.actor,
    issuedAt: clock.now().toISOString(),
    correlationId: request.correlationId ?? commandId,
    causationId: commandId,
    schoolId,
  };
}
