import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, localDateOf } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { SchoolSettings } from '../../schools/school-settings.service';
import { ProcedureGateway } from '../gateway/procedure-gateway';
import { IdempotencyKeys } from '../../shared/idempotency-keys';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { requireSchoolPeople } from '@vsoko/accounts';
import type { ScheduleProcedureDto } from './schedule-procedure.dto';

/**
 * `POST /procedures`: starts the procedure's workflow with its first command, the school's reminder settings
 * included. A responsible named by person id must be the school's own; another school's answers like an unknown
 * one (404 PERSON_NOT_FOUND), before anything is recorded.
 */
@Injectable()
export class ScheduleProcedure {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly schools: SchoolSettings,
    private readonly keys: IdempotencyKeys,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  schedule(
    body: ScheduleProcedureDto,
    request: RequestContext,
  ): Promise<CommandOutcome & { procedureId: string }> {
    const command = { type: 'ScheduleProcedure', data: body };
    return this.keys.run(request.idempotencyKey, body.schoolId, command, () => this.start(body, request));
  }

  private async start(body: ScheduleProcedureDto, request: RequestContext) {
    await requireSchoolPeople(this.handler, body.schoolId, body.responsible);
    const procedureId = body.id ?? this.ids.next();
    const context = commandContext(request, body.schoolId, this.clock, this.ids);
    const { id: _omit, ...fields } = body;
    const { daysBefore, escalationGraceDays } = await this.schools.reminders(body.schoolId);
    const timeZone = body.timeZone ?? DEFAULT_TIME_ZONE;
    const chase = await this.schools.procedureChase(
      body.schoolId,
      body.window,
      localDateOf(this.clock.now().getTime(), timeZone),
    );
    const outcome = await this.gateway.start(procedureId, {
      command: {
        type: 'ScheduleProcedure',
        data: {
          ...fields,
          procedureId,
          timeZone,
          responsible: { ...body.responsible },
          window: { ...body.window },
          reminders: { daysBefore, escalationGraceDays },
          chase,
        },
      },
      context,
    });
    return { procedureId, ...outcome };
  }
}
