import { Injectable } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import { ProcedureClient } from '@vsoko/workflows/procedure/client';
import type {
  CommandEnvelope,
  CommandOutcome,
  ProcedureSnapshot,
} from '@vsoko/workflows/procedure/definitions';

/** The API's door to the procedure workflows: the shared client, plus what only the API knows (the district). */
@Injectable()
export class ProcedureGateway {
  constructor(
    private readonly workflows: ProcedureClient,
    private readonly directory: Directory,
  ) {}

  /** Starts the procedure's workflow if needed and runs the command on it, atomically (update-with-start). */
  async start(procedureId: string, given: CommandEnvelope): Promise<CommandOutcome> {
    return this.workflows.start(procedureId, await this.withDistrict(given));
  }

  execute(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.workflows.execute(procedureId, envelope);
  }

  snapshot(procedureId: string): Promise<ProcedureSnapshot> {
    return this.workflows.snapshot(procedureId);
  }

  /**
   * A procedure's first event names the school's district (from the accounts directory), so district-wide
   * KPIs and lists can group by it; a school the directory does not know simply has none.
   */
  private async withDistrict(envelope: CommandEnvelope): Promise<CommandEnvelope> {
    if (envelope.context.districtId) return envelope;
    const school = await this.directory.school(envelope.context.schoolId);
    return school?.districtId
      ? { ...envelope, context: { ...envelope.context, districtId: school.districtId } }
      : envelope;
  }
}
