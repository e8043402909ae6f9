import { isDecisionOverdue, type Decision, type ProcedureState } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

type Recorded = Exclude<ProcedureState, { status: 'none' }>;
/** The domain's own state of the procedure, without delivery bookkeeping (notification outcomes). */
export type StoredProcedureState = Recorded extends infer S
  ? S extends Recorded
    ? Omit<S, 'notificationOutcomes'>
    : never
  : never;

export type ProcedureStage = Recorded['status'];

export interface DecisionCounts {
  total: number;
  open: number;
  overdue: number;
  executed: number;
  cancelled: number;
}

/** Read-model fields beside the state: what lists filter and sort by. */
export interface ProcedureSummary {
  /** The status under the name the API has always used. */
  stage: ProcedureStage;
  districtId: string | null;
  responsibleKey: string;
  /** The pending stage is late, or an open decision is. */
  overdue: boolean;
  decisionCounts: DecisionCounts;
  revision: number;
  scheduledAt: string;
  scheduledBy: string;
  updatedAt: string;
  updatedBy: string;
  /**
   * The first procedure of its chain of predecessors (its own id when it continues none): every year's
   * procedure of the same plan row shares it, so the dynamics of one indicator across years are one query.
   */
  lineage: string;
}

export type ProcedureDocument = ProjectedDocument & StoredProcedureState & ProcedureSummary;

export function countDecisions(decisions: readonly Decision[]): DecisionCounts {
  const counts: DecisionCounts = { total: decisions.length, open: 0, overdue: 0, executed: 0, cancelled: 0 };
  for (const d of decisions) {
    counts[isDecisionOverdue(d) ? 'overdue' : d.status]++;
  }
  return counts;
}
