import type { PlanEvent, PlannedProcedure, TemplateAdoption } from './events';

/** The approved plan as the log has it: the last approved procedures and which import they came from. */
export interface PlanState {
  procedures: PlannedProcedure[];
  lastApprovedImportId?: string;
  approvals: number;
  /** By template id: the version and rows each adopted district template stands at in this plan. */
  adoptions: Record<string, TemplateAdoption>;
}

export const initialPlanState: PlanState = { procedures: [], approvals: 0, adoptions: {} };

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanImported':
      return state;
    case 'PlanApproved':
      return {
        procedures: event.data.procedures,
        lastApprovedImportId: event.data.importId,
        approvals: state.approvals + 1,
        adoptions: event.data.template
          ? { ...state.adoptions, [event.data.template.templateId]: event.data.template }
          : state.adoptions,
      };
  }
}

/** The procedures that came from one template, or (`undefined`) from the school's own files. */
export function partOfPlan(
  procedures: readonly PlannedProcedure[],
  templateId: string | undefined,
): PlannedProcedure[] {
  return procedures.filter((p) => p.templateId === templateId);
}
