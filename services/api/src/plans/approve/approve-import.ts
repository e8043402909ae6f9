import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  DEFAULT_TIME_ZONE,
  diffPlan,
  isEmptyChange,
  partOfPlan,
  planDecider,
  type Actor,
  type CommandContext,
  type PastWindowChoices,
  type PastWindowDecision,
  type PlanApproved,
  type PlanChanges,
  type PlanCommand,
  type PlannedProcedure,
  schoolSettingsDecider,
  schoolStreamName,
  settingsForYear,
} from '@vsoko/domain';
import { DeciderHandler, type Loaded } from '@vsoko/event-sourcing';
import { templateProcedureId } from '@vsoko/plan-import';
import { planApprovalWorkflowId } from '@vsoko/workflows/plan-approval/definitions';
import { reconcileSteps, type ReconcileReport } from '@vsoko/workflows/plan-approval/steps';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { requirePlannerOf } from '../plan-access';
import { PlanLog, type PlanHistory } from '../plan-log';
import { ImportStore, type StoredImport } from '../preview/import-store';
import { TemplateLog } from '../templates/template-log';
import type { TemplateOrigin } from '../templates/template-origin';
import { PlanApprovalRuns } from './plan-approval-runs';

export interface PreparedApproval {
  importId: string;
  planStream: string;
  planRevision: number;
  position?: number;
  /** False when this import was already the approved plan: nothing was appended this time. */
  recorded: boolean;
  changes: PlanChanges;
  /** New rows whose window had ended, and what the approval made of them. */
  pastWindows: PastWindowDecision[];
  /** The durable fan-out to the procedure workflows (GET /plans/imports/:id/approval follows it). */
  workflowId: string;
  /** Starts the fan-out (or finds it running) and returns at once. */
  start(): Promise<void>;
  /** Starts the fan-out and waits for its report, telling `onProgress` how far it got. */
  run(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport>;
}

/** The part of the plan an approval brings the procedures in line with, and why a moved one moves. */
interface Part {
  procedures: readonly PlannedProcedure[];
  rescheduleReason: string;
}

/**
 * Step two. The plan's facts are decided by the plan decider and appended by the shared handler (PlanImported +
 * PlanApproved, deterministic ids, expected revision), then every procedure is brought in line with the approved
 * plan through the procedure workflows. That second part is idempotent, so an approval interrupted half-way is
 * finished by approving again.
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
    private readonly runs: PlanApprovalRuns,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async prepare(
    importId: string,
    principal: Principal,
    pastWindows?: PastWindowChoices,
  ): Promise<PreparedApproval> {
    const { preview } = await this.imports.getFor(importId, principal);
    const actor = requirePlannerOf(principal, preview.schoolId);
    if (preview.template) return this.prepareAdoption(preview, preview.template, actor);
    const part: Part = {
      procedures: preview.procedures,
      rescheduleReason: `Пересмотр плана ВСОКО: файл «${preview.source.fileName}»`,
    };
    const command: PlanCommand = {
      type: 'ApprovePlanImport',
      data: {
        importId,
        schoolId: preview.schoolId,
        academicYear: preview.academicYear,
        source: preview.source,
        procedures: preview.procedures,
        unscheduled: preview.entries
          .filter((e) => e.became === 'warning')
          .map((e) => ({ sourceRow: e.row, code: e.warnings.at(-1)?.code ?? 'WARNING', text: e.text })),
        warnings: preview.warnings.length,
        timeZone: DEFAULT_TIME_ZONE,
        ...(pastWindows ? { pastWindows } : {}),
      },
    };
    return this.record(preview, actor, command, planDecider(), part, (loaded) =>
      isEmptyChange(diffPlan(partOfPlan(loaded.state.procedures, undefined), preview.procedures)),
    );
  }

  /** The template's part is decided again against the log as it is now: a repeat records nothing. */
  private async prepareAdoption(
    preview: StoredImport['preview'],
    origin: TemplateOrigin,
    actor: Actor,
  ): Promise<PreparedApproval> {
    const template = await this.templates.load(origin.districtId, origin.templateId);
    const plan = await this.log.load(preview.schoolId, preview.academicYear);
    const decider = planDecider({
      template: template.state,
      planId: plan.streamName,
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
    const part = (approved: PlanApproved['data'] | undefined, state: PlanHistory['state']): Part => ({
      procedures: partOfPlan(approved?.procedures ?? state.procedures, origin.templateId),
      rescheduleReason: `Пересмотр шаблона района «${origin.title}»: версия ${
        approved?.template?.version ?? state.adoptions[origin.templateId]?.version
      }`,
    });
    return this.record(preview, actor, origin.command, decider, part, () => false);
  }

  private async record(
    preview: StoredImport['preview'],
    actor: Actor,
    command: PlanCommand,
    decider: ReturnType<typeof planDecider>,
    part: Part | ((approved: PlanApproved['data'] | undefined, state: PlanHistory['state']) => Part),
    noChange: (loaded: Loaded<PlanHistory['state']>) => boolean,
  ): Promise<PreparedApproval> {
    const { importId, schoolId, academicYear } = preview;
    const context = (loaded: Loaded<unknown>): CommandContext => ({
      commandId: `plan-approve:${importId}:${loaded.revision}`,
      actor,
      issuedAt: this.clock.now().toISOString(),
      correlationId: importId,
      causationId: importId,
      schoolId,
    });
    const handled = await this.handler.handle(
      this.log.streamOf(schoolId, academicYear),
      decider,
      command,
      context,
      {
        // The zone the plan's procedures are scheduled in: the district's view shows approval days in it.
        metadata: (loaded) => ({
          firstApproval: loaded.revision < 0,
          noChange: noChange(loaded),
          timeZone: DEFAULT_TIME_ZONE,
        }),
      },
    );
    const approved = handled.events.find((e): e is PlanApproved => e.type === 'PlanApproved')?.data;
    // Nothing new: the plan already stands there; the fan-out runs again with what was approved last time.
    const standing = approved ? undefined : await this.log.load(schoolId, academicYear);
    const changes =
      approved?.changes ??
      (preview.template
        ? unchangedOf(standing!, preview.template.templateId)
        : standing!.lastApproved!.changes);
    const pastWindows =
      approved?.pastWindows ?? (preview.template ? [] : (standing?.lastApproved?.pastWindows ?? []));
    const target = typeof part === 'function' ? part(approved, handled.state) : part;
    const steps = reconcileSteps(target.procedures, changes, pastWindows);
    const planStream = this.log.streamOf(schoolId, academicYear);
    // New procedures are chased like those scheduled through POST /procedures: the settings as they stand now.
    const school = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    const input = {
      planStream,
      target: {
        schoolId,
        academicYear,
        timeZone: DEFAULT_TIME_ZONE,
        rescheduleReason: target.rescheduleReason,
        school: settingsForYear(school.state, academicYear),
      },
      steps,
      context: context({ revision: handled.revision } as Loaded<unknown>),
    };
    const start = () => this.runs.start(importId, handled.revision, input);
    return {
      importId,
      planStream,
      planRevision: handled.revision,
      ...(approved ? { position: handled.position } : {}),
      recorded: approved !== undefined,
      changes,
      pastWindows,
      workflowId: planApprovalWorkflowId(planStream, handled.revision),
      start: async () => void (await start()),
      run: async (onProgress) => this.runs.follow(await start(), onProgress),
    };
  }
}

/** An adoption that changes nothing: its part of the plan as it stands, nothing to move or cancel. */
function unchangedOf(plan: PlanHistory, templateId: string): PlanChanges {
  const procedures = partOfPlan(plan.state.procedures, templateId);
  return diffPlan(procedures, procedures);
}
