import type { ProcedureScheduled } from './events';

export type ScheduleProcedure = { type: 'ScheduleProcedure'; data: ProcedureScheduled['data'] };

export type ProcedureCommand = ScheduleProcedure;
