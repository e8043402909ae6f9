import { createHash } from 'node:crypto';

const hex = (parts: Array<string | number>, length: number) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);

/**
 * `r-` + 12 hex of the plan's row identity (its wording and ordinal, ADR 0004): short enough to type in
 * `--rows`, and the same row keeps its key when the district moves it to another month.
 */
export function templateRowKey(planRowKey: string): string {
  return `r-${hex([planRowKey], 12)}`;
}

/** The school's procedure for a template row: the same school, year and row is the same procedure. */
export function templateProcedureId(
  schoolId: string,
  academicYear: string,
  districtId: string,
  templateId: string,
  rowKey: string,
): string {
  return `pl-${hex([schoolId, academicYear, 'template', districtId, templateId, rowKey], 24)}`;
}

/** The same school taking the same rows of the same version is the same import. */
export function adoptionImportId(
  schoolId: string,
  academicYear: string,
  templateId: string,
  version: number,
  rowKeys: readonly string[],
): string {
  return `imp-${hex([schoolId, academicYear, templateId, version, ...[...rowKeys].sort()], 24)}`;
}
