import type { PlanSource, TemplateRow, UnscheduledRow } from '@vsoko/domain';
import { buildPreview, type PreviewInput } from '../preview/build-preview';
import type { PreviewEntry, RowWarning } from '../preview/types';
import { templateRowKey } from './template-ids';

export interface TemplateInput {
  districtId: string;
  templateId: string;
  academicYear: string;
  fileName: string;
  bytes: Buffer;
  directory?: PreviewInput['directory'];
  limits?: PreviewInput['limits'];
}

/** What a district's file becomes as a template: rows without any school's ids, keyed by row identity. */
export interface TemplateDraft {
  source: PlanSource;
  layout: string;
  rows: TemplateRow[];
  unscheduled: UnscheduledRow[];
  /** Every source row and what it became, as in a plan preview, with row keys instead of procedure ids. */
  entries: Array<Omit<PreviewEntry, 'procedureIds'> & { rowKeys?: string[] }>;
  warnings: RowWarning[];
}

/** Reads the template with the plan readers and interpretation (same columns, deadlines, responsible roles). */
export async function buildTemplate(input: TemplateInput): Promise<TemplateDraft> {
  const preview = await buildPreview({
    schoolId: `district:${input.districtId}`,
    academicYear: input.academicYear,
    fileName: input.fileName,
    bytes: input.bytes,
    directory: input.directory,
    limits: input.limits,
  });
  const keyOf = new Map(preview.procedures.map((p) => [p.procedureId, templateRowKey(p.rowKey)]));
  const rows: TemplateRow[] = preview.procedures.map(({ procedureId, ...row }) => ({
    ...row,
    rowKey: keyOf.get(procedureId)!,
  }));
  return {
    source: preview.source,
    layout: preview.layout,
    rows,
    unscheduled: preview.entries
      .filter((e) => e.became === 'warning')
      .map((e) => ({ sourceRow: e.row, code: e.warnings.at(-1)?.code ?? 'WARNING', text: e.text })),
    entries: preview.entries.map(({ procedureIds, ...e }) =>
      procedureIds ? { ...e, rowKeys: procedureIds.map((id) => keyOf.get(id)!) } : e,
    ),
    warnings: preview.warnings,
  };
}
