import type { PlanEvent, PlannedProcedure } from './events';

/** The approved plan as the log has it: the last approved procedures and which import they came from. */
export interface PlanState {
  procedures: PlannedProcedure[];
  lastApprovedImportId?: string;
  approvals: number;
}

export const initialPlanState: PlanState = { procedures: [], approvals: 0 };

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanImported':
      return state;
    case 'PlanApproved':
      return {
        procedures: event.data.procedures,
        lastApprovedImportId: event.data.importId,
        approvals: state.approvals + 1,
      };
  }
}

/** `plan-school-1-2023-24`: one stream per school and academic year, so a district is only more streams. */
export function planStreamName(schoolId: string, academicYear: string): string {
  return `plan-${schoolId}-${academicYear.replace('/', '-')}`;
}
