import type { DateWindow, Direction, Responsible } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

export type ProcedureStage =
  'scheduled' | 'performed' | 'analysed' | 'discussed' | 'following-up' | 'closed' | 'cancelled';

export interface ProcedureDocument extends ProjectedDocument {
  procedureId: string;
  schoolId: string;
  academicYear: string;
  title: string;
  direction: Direction;
  indicator?: string;
  object?: string;
  method?: string;
  resultForm?: string;
  responsible: Responsible;
  window: DateWindow;
  timeZone: string;
  parentProcedureId?: string;
  stage: ProcedureStage;
  revision: number;
  scheduledAt: string;
  scheduledBy: string;
  updatedAt: string;
}
