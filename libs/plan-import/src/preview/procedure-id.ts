import { createHash } from 'node:crypto';

/**
 * `pl-` + 24 hex of sha-256(school, year, row identity, ordinal): the same row of the same school's plan is
 * the same procedure however often the file is imported, and fits the API's id pattern.
 */
export function planProcedureId(
  schoolId: string,
  academicYear: string,
  rowKey: string,
  ordinal: number,
): string {
  const h = createHash('sha256')
    .update([schoolId, academicYear, rowKey, ordinal].join('\u0000'))
    .digest('hex');
  return `pl-${h.slice(0, 24)}`;
}

/** Identical bytes for the same school and year give the same import. */
export function importIdOf(schoolId: string, academicYear: string, bytes: Buffer): string {
  const h = createHash('sha256').update(`${schoolId}\u0000${academicYear}\u0000`).update(bytes).digest('hex');
  return `imp-${h.slice(0, 24)}`;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
