import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  decideAdoption,
  diffPlan,
  isEmptyChange,
  partOfPlan,
  type PlanApproved,
  type PlanChanges,
  type PlanEvent,
  type PlanImported,
} from '@vsoko/domain';
import { metadataFor, type CommandContext } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { templateProcedureId, type PlanPreview } from '@vsoko/plan-import';
import { deterministicEventId } from '@vsoko/workflows/procedure/activities';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../../infrastructure/tokens';
import { PlanLog, type PlanHistory } from '../plan-log';
import { ImportStore } from '../preview/import-store';
import { requirePlannerOf } from '../plan-access';
import { TemplateLog } from '../templates/template-log';
import type { TemplateOrigin } from '../templates/template-origin';
import { PlanReconciler, type ReconcileReport, type ReconcileTarget } from './reconcile';

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
 *
 * A plan has parts: the school's own rows and one part per adopted district template. A file replaces only the
 * school's own part, a template adoption only its template's part; the others are carried over unchanged.
 */
@Injectable()
export class ApproveImport {
  constructor(
    private readonly imports: ImportStore,
    private readonly log: PlanLog,
    private readonly templates: TemplateLog,
    private readonly reconciler: PlanReconciler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async prepare(importId: string, principal: Principal): Promise<PreparedApproval> {
    const { preview } = await this.imports.getFor(importId, principal);
    const actor = requirePlannerOf(principal, preview.schoolId);
    const history = await this.log.load(preview.schoolId, preview.academicYear);
    const context: CommandContext = {
      commandId: `plan-approve:${importId}:${history.revision}`,
      actor,
      issuedAt: this.clock.now().toISOString(),
      correlationId: importId,
      causationId: importId,
      schoolId: preview.schoolId,
    };
    if (preview.template) return this.prepareAdoption(preview, preview.template, history, context);
    const target: ReconcileTarget = {
      schoolId: preview.schoolId,
      academicYear: preview.academicYear,
      procedures: preview.procedures,
      rescheduleReason: `Пересмотр плана ВСОКО: файл «${preview.source.fileName}»`,
    };
    if (history.state.lastApprovedImportId === importId && history.lastApproved) {
      return this.unchanged(importId, history, context, target, history.lastApproved.changes);
    }
    const changes = diffPlan(partOfPlan(history.state.procedures, undefined), preview.procedures);
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
    const adopted = history.state.procedures.filter((p) => p.templateId !== undefined);
    const approved: PlanApproved = {
      type: 'PlanApproved',
      data: {
        planId: history.streamName,
        importId,
        procedures: [...adopted, ...preview.procedures],
        changes,
      },
    };
    return this.record(importId, history, context, target, [imported, approved], changes);
  }

  /** The template's part is decided again against the log as it is now: a repeat records nothing. */
  private async prepareAdoption(
    preview: PlanPreview,
    origin: TemplateOrigin,
    history: PlanHistory,
    context: CommandContext,
  ): Promise<PreparedApproval> {
    const template = await this.templates.load(origin.districtId, origin.templateId);
    const events = decideAdoption(origin.command, history.state, {
      template: template.state,
      planId: history.streamName,
      importId: preview.importId,
      procedureIdOf: (rowKey) =>
        templateProcedureId(
          preview.schoolId,
          preview.academicYear,
          origin.districtId,
          origin.templateId,
          rowKey,
        ),
    });
    const approved = events.find((e): e is PlanApproved => e.type === 'PlanApproved');
    const procedures = partOfPlan(approved?.data.procedures ?? history.state.procedures, origin.templateId);
    const version = approved?.data.template?.version ?? history.state.adoptions[origin.templateId]?.version;
    const target: ReconcileTarget = {
      schoolId: preview.schoolId,
      academicYear: preview.academicYear,
      procedures,
      rescheduleReason: `Пересмотр шаблона района «${origin.title}»: версия ${version}`,
    };
    if (!approved)
      return this.unchanged(preview.importId, history, context, target, diffPlan(procedures, procedures));
    return this.record(preview.importId, history, context, target, events, approved.data.changes);
  }

  private unchanged(
    importId: string,
    history: PlanHistory,
    context: CommandContext,
    target: ReconcileTarget,
    changes: PlanChanges,
  ): PreparedApproval {
    return {
      importId,
      planStream: history.streamName,
      planRevision: history.revision,
      recorded: false,
      changes,
      run: this.runner(target, changes, context),
    };
  }

  private async record(
    importId: string,
    history: PlanHistory,
    context: CommandContext,
    target: ReconcileTarget,
    events: PlanEvent[],
    changes: PlanChanges,
  ): Promise<PreparedApproval> {
    const metadata = {
      ...metadataFor(context),
      firstApproval: history.revision < 0,
      noChange: isEmptyChange(changes),
    };
    const result = await this.store.append(
      history.streamName,
      events.map((e, i) => ({
        id: deterministicEventId(history.streamName, context.commandId, i),
        type: e.type,
        data: e.data,
        metadata,
      })),
      history.revision < 0 ? 'no_stream' : history.revision,
    );
    return {
      importId,
      planStream: history.streamName,
      planRevision: result.nextExpectedRevision,
      position: result.position,
      recorded: true,
      changes,
      run: this.runner(target, changes, context),
    };
  }

  private runner(target: ReconcileTarget, changes: PlanChanges, context: CommandContext) {
    const attempt = this.ids.next();
    return (onProgress?: (done: number, total: number) => void) =>
      this.reconciler.reconcile(target, changes, { ...context, commandId: attempt }, onProgress);
  }
}
