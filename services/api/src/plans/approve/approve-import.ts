import { Inject, Injectable } from '@nestjs/common';
import {
  diffPlan,
  isEmptyChange,
  type Actor,
  type PlanApproved,
  type PlanChanges,
  type PlanImported,
} from '@vsoko/domain';
import { metadataFor, type CommandContext } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { deterministicEventId } from '@vsoko/workflows/procedure/activities';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../../infrastructure/tokens';
import { PlanLog } from '../plan-log';
import { ImportStore } from '../preview/import-store';
import { requirePlanner } from '../preview/preview-import';
import { PlanReconciler, type ReconcileReport } from './reconcile';

export interface PreparedApproval {
  importId: string;
  planStream: string;
  planRevision: number;
  position?: number;
  /** False when this import was already the approved plan: nothing was appended this time. */
  recorded: boolean;
  changes: PlanChanges;
  run(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport>;
}

/**
 * Step two. The plan's facts are appended first (PlanImported + PlanApproved, deterministic ids, expected
 * revision), then every procedure is brought in line with the approved plan through the procedure workflows.
 * That second part is idempotent, so an approval interrupted half-way is finished by approving again.
 */
@Injectable()
export class ApproveImport {
  constructor(
    private readonly imports: ImportStore,
    private readonly log: PlanLog,
    private readonly reconciler: PlanReconciler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async prepare(importId: string, actor: Actor): Promise<PreparedApproval> {
    requirePlanner(actor);
    const { preview } = await this.imports.get(importId);
    const history = await this.log.load(preview.schoolId, preview.academicYear);
    const attempt = this.ids.next();
    const context: CommandContext = {
      commandId: `plan-approve:${importId}:${history.revision}`,
      actor,
      issuedAt: this.clock.now().toISOString(),
      correlationId: importId,
      causationId: importId,
      schoolId: preview.schoolId,
    };
    const base = { importId, planStream: history.streamName };
    const run = (changes: PlanChanges) => (onProgress?: (done: number, total: number) => void) =>
      this.reconciler.reconcile(preview, changes, { ...context, commandId: attempt }, onProgress);

    if (history.state.lastApprovedImportId === importId && history.lastApproved) {
      const changes = history.lastApproved.changes;
      return { ...base, planRevision: history.revision, recorded: false, changes, run: run(changes) };
    }
    const changes = diffPlan(history.state.procedures, preview.procedures);
    const imported: PlanImported = {
      type: 'PlanImported',
      data: {
        planId: history.streamName,
        schoolId: preview.schoolId,
        academicYear: preview.academicYear,
        importId,
        source: preview.source,
        procedures: preview.procedures.length,
        unscheduled: preview.entries
          .filter((e) => e.became === 'warning')
          .map((e) => ({ sourceRow: e.row, code: e.warnings.at(-1)?.code ?? 'WARNING', text: e.text })),
        warnings: preview.warnings.length,
      },
    };
    const approved: PlanApproved = {
      type: 'PlanApproved',
      data: { planId: history.streamName, importId, procedures: preview.procedures, changes },
    };
    const metadata = {
      ...metadataFor(context),
      firstApproval: history.revision < 0,
      noChange: isEmptyChange(changes),
    };
    const result = await this.store.append(
      history.streamName,
      [imported, approved].map((e, i) => ({
        id: deterministicEventId(history.streamName, context.commandId, i),
        type: e.type,
        data: e.data,
        metadata,
      })),
      history.revision < 0 ? 'no_stream' : history.revision,
    );
    return {
      ...base,
      planRevision: result.nextExpectedRevision,
      position: result.position,
      recorded: true,
      changes,
      run: run(changes),
    };
  }
}
