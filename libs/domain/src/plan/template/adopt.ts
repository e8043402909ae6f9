import { DomainRuleViolation, NotFound, ValidationFailed } from '../../shared';
import { diffPlan } from '../diff';
import type { PlanChanges, PlanEvent, PlannedProcedure, TemplateAdoption } from '../events';
import { partOfPlan, type PlanState } from '../state';
import { latestVersion, type TemplateState, type TemplateVersion } from './state';

/** Take a template version into the school's plan: all its rows, or the rows named. */
export interface AdoptTemplate {
  type: 'AdoptTemplate';
  data: { schoolId: string; templateId: string; version?: number; rows?: string[] };
}

/**
 * Move an adopted template to its latest version: the rows the school kept, plus rows new in the template, plus
 * `rows` the school now chooses; rows it left out before stay out.
 */
export interface AcceptTemplateRevision {
  type: 'AcceptTemplateRevision';
  data: { schoolId: string; templateId: string; rows?: string[] };
}

export type AdoptionCommand = AdoptTemplate | AcceptTemplateRevision;

export interface AdoptionContext {
  template: TemplateState;
  planId: string;
  /** Derived by the caller from the school, year and the selection, so a repeat is the same import. */
  importId: string;
  /** The school's procedure id for a template row (school + year + template + row identity). */
  procedureIdOf(rowKey: string): string;
}

export interface AdoptionOutcome {
  adoption: TemplateAdoption;
  previous?: TemplateAdoption;
  /** The template's part of the school's plan after this adoption. */
  procedures: PlannedProcedure[];
  /** The whole plan after it: the school's other rows are left as they are. */
  planProcedures: PlannedProcedure[];
  changes: PlanChanges;
}

type Published = TemplateState & { status: 'published' };

/** What adopting or accepting would make of the plan, or `null` when the plan already stands there. */
export function adoptionOutcome(
  command: AdoptionCommand,
  plan: PlanState,
  ctx: AdoptionContext,
): AdoptionOutcome | null {
  const template = ctx.template;
  if (template.status === 'none') {
    throw new NotFound('TEMPLATE_NOT_FOUND', `Шаблон ${command.data.templateId} не опубликован`);
  }
  const previous = plan.adoptions[template.templateId];
  const { version, rowKeys } =
    command.type === 'AdoptTemplate'
      ? adoptSelection(command, template, previous)
      : acceptSelection(command, template, previous);
  if (previous && previous.version === version.version && sameKeys(previous.rowKeys, rowKeys)) return null;

  const chosen = new Set(rowKeys);
  const procedures: PlannedProcedure[] = version.rows
    .filter((r) => chosen.has(r.rowKey))
    .map((r) => ({ ...r, procedureId: ctx.procedureIdOf(r.rowKey), templateId: template.templateId }));
  const inVersion = new Set(version.rows.map((r) => r.rowKey));
  const changes = diffPlan(partOfPlan(plan.procedures, template.templateId), procedures, (removed) =>
    inVersion.has(removed.rowKey)
      ? `Строка шаблона «${template.title}» исключена из плана школы`
      : `Строка удалена из шаблона «${template.title}» (версия ${version.version})`,
  );
  const others = plan.procedures.filter((p) => p.templateId !== template.templateId);
  return {
    adoption: {
      templateId: template.templateId,
      districtId: template.districtId,
      title: template.title,
      version: version.version,
      rowKeys: procedures.map((p) => p.rowKey),
    },
    ...(previous ? { previous } : {}),
    procedures,
    planProcedures: [...others, ...procedures],
    changes,
  };
}

/** PlanImported + PlanApproved for the adoption, or nothing when adopting or accepting again. */
export function decideAdoption(command: AdoptionCommand, plan: PlanState, ctx: AdoptionContext): PlanEvent[] {
  const outcome = adoptionOutcome(command, plan, ctx);
  if (!outcome) return [];
  const template = ctx.template as Published;
  const version = template.versions.find((v) => v.version === outcome.adoption.version)!;
  return [
    {
      type: 'PlanImported',
      data: {
        planId: ctx.planId,
        schoolId: command.data.schoolId,
        academicYear: template.academicYear,
        importId: ctx.importId,
        source: version.source,
        procedures: outcome.procedures.length,
        unscheduled: [],
        warnings: 0,
        templateId: template.templateId,
        templateVersion: version.version,
      },
    },
    {
      type: 'PlanApproved',
      data: {
        planId: ctx.planId,
        importId: ctx.importId,
        procedures: outcome.planProcedures,
        changes: outcome.changes,
        template: outcome.adoption,
      },
    },
  ];
}

function adoptSelection(
  command: AdoptTemplate,
  template: Published,
  previous: TemplateAdoption | undefined,
): { version: TemplateVersion; rowKeys: string[] } {
  const wanted = command.data.version ?? latestVersion(template).version;
  const version = template.versions.find((v) => v.version === wanted);
  if (!version) {
    throw new DomainRuleViolation(
      'TEMPLATE_VERSION_NOT_FOUND',
      `У шаблона «${template.title}» нет версии ${wanted}: последняя — ${latestVersion(template).version}`,
      { latest: latestVersion(template).version },
    );
  }
  if (previous && previous.version > version.version) {
    throw new DomainRuleViolation(
      'TEMPLATE_VERSION_OUTDATED',
      `Школа уже приняла версию ${previous.version} шаблона «${template.title}»: вернуться к версии ${wanted} нельзя`,
    );
  }
  const rowKeys = command.data.rows ?? version.rows.map((r) => r.rowKey);
  return { version, rowKeys: known(rowKeys, version, template) };
}

function acceptSelection(
  command: AcceptTemplateRevision,
  template: Published,
  previous: TemplateAdoption | undefined,
): { version: TemplateVersion; rowKeys: string[] } {
  if (!previous) {
    throw new DomainRuleViolation(
      'TEMPLATE_NOT_ADOPTED',
      `Школа ещё не приняла шаблон «${template.title}»: сначала примите его (все строки или часть)`,
    );
  }
  const version = latestVersion(template);
  const before = template.versions.find((v) => v.version === previous.version);
  const existedBefore = new Set(before?.rows.map((r) => r.rowKey));
  const kept = new Set(previous.rowKeys);
  const extra = new Set(command.data.rows ? known(command.data.rows, version, template) : []);
  const rowKeys = version.rows
    .map((r) => r.rowKey)
    .filter((k) => kept.has(k) || !existedBefore.has(k) || extra.has(k));
  return { version, rowKeys };
}

function known(rowKeys: string[], version: TemplateVersion, template: Published): string[] {
  if (rowKeys.length === 0) {
    throw new ValidationFailed('TEMPLATE_ROWS_EMPTY', 'Выберите хотя бы одну строку шаблона');
  }
  const keys = new Set(version.rows.map((r) => r.rowKey));
  const unknown = rowKeys.filter((k) => !keys.has(k));
  if (unknown.length > 0) {
    throw new DomainRuleViolation(
      'TEMPLATE_ROW_NOT_FOUND',
      `В версии ${version.version} шаблона «${template.title}» нет строк: ${unknown.join(', ')}`,
      { unknown },
    );
  }
  return [...new Set(rowKeys)];
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === new Set(b).size && b.every((k) => set.has(k));
}
