import { Inject, Injectable } from '@nestjs/common';
import { procedureNotFound, VsokoError, type ProcedureCommand } from '@vsoko/domain';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { ProcedureGateway } from '../gateway/procedure-gateway';
import { IdempotencyKeys } from '../../shared/idempotency-keys';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { requireSchoolPeople } from '@vsoko/accounts';

/**
 * Every stage route's use case (`POST /procedures/:id/<stage>`): any command on an existing procedure. The
 * workflow's validator decides, this records. Every person the command names (a new responsible, a performer,
 * a decision's responsible) must be the school's own; another school's answers like an unknown one.
 */
@Injectable()
export class ExecuteStageCommand {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly keys: IdempotencyKeys,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute(
    command: ProcedureCommand,
    request: RequestContext & { schoolId: string },
    expectedRevision?: number,
  ): Promise<CommandOutcome> {
    const { procedureId } = command.data;
    return this.keys.run(request.idempotencyKey, request.schoolId, command, async () => {
      await requireSchoolPeople(this.handler, request.schoolId, command.data);
      return this.gateway
        .execute(procedureId, {
          command,
          context: commandContext(request, request.schoolId, this.clock, this.ids),
          ...(expectedRevision === undefined ? {} : { expectedRevision }),
        })
        .catch((e: unknown) => {
          // The domain refuses another school's procedure; the caller learns no more than for an unknown id.
          throw e instanceof VsokoError && e.code === 'SCHOOL_MISMATCH' ? procedureNotFound(procedureId) : e;
        });
    });
  }
}
