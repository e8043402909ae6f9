import type { DomainEvent } from '../shared';
import type { DateWindow, Direction, Responsible } from './values';

export type ProcedureScheduled = DomainEvent<
  'ProcedureScheduled',
  {
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
  }
>;

export type ProcedureEvent = ProcedureScheduled;
export type ProcedureEventType = ProcedureEvent['type'];
