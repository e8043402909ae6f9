import { Conflict, DomainRuleViolation, ValidationFailed } from '../../shared';
import { diffPlan, isEmptyChange } from '../diff';
import type { PlanChanges, PlanSource, UnscheduledRow } from '../events';
import type { TemplateEvent, TemplateRow } from './events';
import { latestVersion, type TemplateState } from './state';

/** Publish a template, or a new version of it when it already exists and its rows changed. */
export interface PublishTemplate {
  type: 'PublishTemplate';
  data: {
    templateId: string;
    districtId: string;
    title: string;
    academicYear: string;
    source: PlanSource;
    rows: TemplateRow[];
    unscheduled: UnscheduledRow[];
    /** The version the publisher saw; a concurrent publication makes this a conflict. */
    expectedVersion?: number;
  };
}

/** Rows compared as procedures keyed by their row key: the plan's own difference, reused. */
export function diffTemplateRows(before: readonly TemplateRow[], after: readonly TemplateRow[]): PlanChanges {
  const keyed = (rows: readonly TemplateRow[]) => rows.map((r) => ({ ...r, procedureId: r.rowKey }));
  return diffPlan(keyed(before), keyed(after));
}

export function decideTemplate(command: PublishTemplate, state: TemplateState): TemplateEvent[] {
  const { expectedVersion, ...data } = command.data;
  if (data.rows.length === 0) {
    throw new DomainRuleViolation('TEMPLATE_EMPTY', 'В шаблоне нет ни одной процедуры: публиковать нечего');
  }
  const keys = new Set(data.rows.map((r) => r.rowKey));
  if (keys.size !== data.rows.length) {
    throw new ValidationFailed('TEMPLATE_ROW_DUPLICATE', 'Ключи строк шаблона повторяются');
  }
  const current = state.status === 'published' ? latestVersion(state).version : 0;
  if (expectedVersion !== undefined && expectedVersion !== current) {
    throw new Conflict('TEMPLATE_VERSION_CONFLICT', `Шаблон уже изменён: текущая версия ${current}`, {
      version: current,
    });
  }
  if (state.status === 'none') return [{ type: 'TemplatePublished', data: { ...data, version: 1 } }];

  if (state.districtId !== data.districtId) {
    throw new DomainRuleViolation('TEMPLATE_DISTRICT_FIXED', 'Шаблон принадлежит другому району');
  }
  if (state.academicYear !== data.academicYear) {
    throw new DomainRuleViolation(
      'TEMPLATE_YEAR_FIXED',
      `Шаблон составлен на ${state.academicYear} учебный год: для другого года опубликуйте новый шаблон`,
    );
  }
  const changes = diffTemplateRows(latestVersion(state).rows, data.rows);
  if (isEmptyChange(changes) && state.title === data.title) return [];
  return [{ type: 'TemplateRevised', data: { ...data, version: current + 1, changes } }];
}
