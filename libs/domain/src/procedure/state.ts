import type { ProcedureScheduled } from './events';

export type ProcedureState = { status: 'none' } | ({ status: 'scheduled' } & ProcedureScheduled['data']);

export const initialState: ProcedureState = { status: 'none' };
