import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  adoptionOutcome,
  diffPlan,
  initialPlanState,
  partOfPlan,
  type AdoptionCommand,
  type AdoptionContext,
  type AdoptionOutcome,
  type PlanChanges,
  type PlannedProcedure,
  type TemplateRow,
} from '@vsoko/domain';
import { adoptionImportId, templateProcedureId, type PlanPreview } from '@vsoko/plan-import';
import type { Clock } from '../../../infrastructure/clock';
import { CLOCK } from '../../../infrastructure/tokens';
import { PlanLog, type PlanHistory } from '../../plan-log';
import { ImportStore } from '../../preview/import-store';
import { requirePlannerOf, requireReader } from '../../plan-access';
import { DistrictAccess } from '../district-access';
import { TemplateLog } from '../template-log';
import type { TemplateOrigin } from '../template-origin';

export interface AdoptionPreview {
  importId: string;
  schoolId: string;
  districtId: string;
  templateId: string;
  title: string;
  academicYear: string;
  version: number;
  /** The version the school's plan held before, if any. */
  previousVersion?: number;
  planRevision: number;
  /** False when the plan already holds exactly this: approving changes nothing. */
  pending: boolean;
  changes: PlanChanges;
  /** The template's rows in the school's plan after approval, with the school's procedure ids. */
  rows: PlannedProcedure[];
  /** Rows of this version the school leaves out; name them in `rows` to take them too. */
  notAdopted: TemplateRow[];
}

type Command = AdoptionCommand['type'];

/**
 * A school takes a district template into its plan through the plan import's own two steps: this stores a
 * preview (an import with a template origin), and `POST /plans/imports/:id/approve` records and schedules it.
 */
@Injectable()
export class TemplateAdoptions {
  constructor(
    private readonly access: DistrictAccess,
    private readonly templates: TemplateLog,
    private readonly plans: PlanLog,
    private readonly imports: ImportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** What adopting (or accepting the latest revision) would change; stored for approval. */
  async preview(
    type: Command,
    request: { schoolId: string; templateId: string; version?: number; rows?: string[] },
    principal: Principal,
  ): Promise<AdoptionPreview> {
    const actor = requirePlannerOf(principal, request.schoolId);
    const command = commandOf(type, request);
    const decided = await this.decide(command);
    const { origin, plan } = decided;
    // The decided id names the adoption by its content; the stored preview gets an unguessable id of its own.
    const importId = await this.imports.save(decided.preview.importId, {
      preview: { ...this.asPlanPreview(decided.preview, origin), template: origin },
      uploadedBy: actor,
      uploadedAt: this.clock.now().toISOString(),
    });
    return { ...decided.preview, importId, planRevision: plan.revision };
  }

  /** The latest revision as the school would receive it; nothing is stored. */
  async pending(
    schoolId: string,
    templateId: string,
    principal: Principal,
  ): Promise<Omit<AdoptionPreview, 'importId'>> {
    requireReader(principal, schoolId);
    const command = commandOf('AcceptTemplateRevision', { schoolId, templateId });
    const { preview, plan } = await this.decide(command);
    // Only a stored preview has an import id to approve; this one is not stored.
    const { importId: _contentKey, ...shown } = preview;
    return { ...shown, planRevision: plan.revision };
  }

  private async decide(command: AdoptionCommand) {
    const { schoolId, templateId } = command.data;
    const districtId = await this.access.districtOf(schoolId);
    const template = await this.templates.load(districtId, templateId);
    const academicYear = template.state.status === 'published' ? template.state.academicYear : '';
    const plan = academicYear ? await this.plans.load(schoolId, academicYear) : undefined;
    const ctx: AdoptionContext = {
      template: template.state,
      planId: plan?.streamName ?? '',
      importId: '',
      procedureIdOf: (rowKey) => templateProcedureId(schoolId, academicYear, districtId, templateId, rowKey),
    };
    const outcome = adoptionOutcome(command, plan?.state ?? initialPlanState, ctx);
    // adoptionOutcome refuses an unpublished template, so from here on it is published and the plan loaded.
    const published = template.state as Extract<typeof template.state, { status: 'published' }>;
    const history = plan as PlanHistory;
    const current = outcome ?? standing(history, templateId);
    const version = published.versions.find((v) => v.version === current.adoption.version)!;
    const chosen = new Set(current.adoption.rowKeys);
    const preview: Omit<AdoptionPreview, 'planRevision'> = {
      importId: adoptionImportId(
        schoolId,
        academicYear,
        templateId,
        version.version,
        current.adoption.rowKeys,
      ),
      schoolId,
      districtId,
      templateId,
      title: published.title,
      academicYear,
      version: version.version,
      ...(current.previous ? { previousVersion: current.previous.version } : {}),
      pending: outcome !== null,
      changes: current.changes,
      rows: current.procedures,
      notAdopted: version.rows.filter((r) => !chosen.has(r.rowKey)),
    };
    const origin: TemplateOrigin = {
      districtId,
      templateId,
      title: published.title,
      version: version.version,
      command,
    };
    return { preview, origin, plan: history };
  }

  private asPlanPreview(preview: Omit<AdoptionPreview, 'planRevision'>, origin: TemplateOrigin): PlanPreview {
    return {
      importId: preview.importId,
      schoolId: preview.schoolId,
      academicYear: preview.academicYear,
      academicYearFrom: 'request',
      source: {
        fileName: `шаблон «${origin.title}», версия ${origin.version}`,
        format: 'json',
        sha256: '',
        rows: preview.rows.length,
      },
      layout: 'template',
      entries: [],
      procedures: preview.rows,
      warnings: [],
      summary: {
        procedure: preview.rows.length,
        section: 0,
        header: 0,
        empty: 0,
        warning: 0,
        procedures: preview.rows.length,
        warnings: 0,
      },
    };
  }
}

function commandOf(
  type: Command,
  request: { schoolId: string; templateId: string; version?: number; rows?: string[] },
): AdoptionCommand {
  const { schoolId, templateId, version, rows } = request;
  const choice = rows ? { rows } : {};
  return type === 'AdoptTemplate'
    ? { type, data: { schoolId, templateId, ...(version !== undefined ? { version } : {}), ...choice } }
    : { type, data: { schoolId, templateId, ...choice } };
}

/** The plan already stands where the command would take it: the adoption as recorded, no change. */
function standing(plan: PlanHistory, templateId: string): AdoptionOutcome {
  const adoption = plan.state.adoptions[templateId];
  const procedures = partOfPlan(plan.state.procedures, templateId);
  return {
    adoption,
    previous: adoption,
    procedures,
    planProcedures: plan.state.procedures,
    changes: diffPlan(procedures, procedures),
  };
}
