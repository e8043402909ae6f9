import { localDateOf, type CommandContext } from '../shared';
import { requireAdministrator, requireSchool } from '../procedure/rules';
import { planStreamName } from '../streams';
import { diffPlan } from './diff';
import type { PlanEvent, PlannedProcedure, PlanSource, UnscheduledRow } from './events';
import { decidePastWindows, pastRows, type PastWindowChoices } from './past-windows';
import { partOfPlan, type PlanState } from './state';

/** Approve a school's own file as its plan for the year (the preview the director has seen). */
export interface ApprovePlanImport {
  type: 'ApprovePlanImport';
  data: {
    importId: string;
    schoolId: string;
    academicYear: string;
    source: PlanSource;
    /** The file's rows as procedures: they replace the school's own part of the plan. */
    procedures: PlannedProcedure[];
    unscheduled: UnscheduledRow[];
    warnings: number;
    /** The school's zone: which windows have ended is a question of its calendar day. */
    timeZone: string;
    /** What became of new rows whose window has already ended; unnamed ones are kept as overdue. */
    pastWindows?: PastWindowChoices;
  };
}

/**
 * The file replaces the school's own rows; adopted templates' rows are carried over. Approving the import that
 * is already the approved plan records nothing, so a repeated approval only finishes the fan-out.
 */
export function approvePlanImport(
  command: ApprovePlanImport,
  state: PlanState,
  ctx: CommandContext,
): PlanEvent[] {
  const { data } = command;
  requireSchool(ctx, data.schoolId);
  requireAdministrator(ctx, 'Утвердить план ВСОКО');
  if (state.lastApprovedImportId === data.importId) return [];
  const planId = planStreamName(data.schoolId, data.academicYear);
  const changes = diffPlan(partOfPlan(state.procedures, undefined), data.procedures);
  const today = localDateOf(ctx.issuedAt, data.timeZone);
  const pastWindows = decidePastWindows(pastRows(data.procedures, changes.added, today), data.pastWindows, {
    issuedAt: ctx.issuedAt,
    timeZone: data.timeZone,
    academicYear: data.academicYear,
  });
  const adopted = state.procedures.filter((p) => p.templateId !== undefined);
  return [
    {
      type: 'PlanImported',
      data: {
        planId,
        schoolId: data.schoolId,
        academicYear: data.academicYear,
        importId: data.importId,
        source: data.source,
        procedures: data.procedures.length,
        unscheduled: data.unscheduled,
        warnings: data.warnings,
      },
    },
    {
      type: 'PlanApproved',
      data: {
        planId,
        importId: data.importId,
        procedures: [...adopted, ...data.procedures],
        changes,
        ...(pastWindows.length > 0 ? { pastWindows } : {}),
      },
    },
  ];
}
