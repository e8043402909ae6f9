import type { Responsible } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

/** 'open' until done; 'overdue' once the missed date was recorded; the API calls open entries ahead "upcoming". */
export type CalendarState = 'open' | 'overdue' | 'done' | 'cancelled';

/**
 * One date someone must meet: a procedure's window end (`procedure:<id>`, until it is performed) or a decision's
 * deadline (`decision:<procedureId>:<decisionId>`).
 */
export interface CalendarEntry extends ProjectedDocument {
  kind: 'procedure' | 'decision';
  procedureId: string;
  decisionId: string | null;
  schoolId: string;
  academicYear: string;
  title: string;
  date: string;
  responsible: Responsible;
  responsibleKey: string;
  state: CalendarState;
}
