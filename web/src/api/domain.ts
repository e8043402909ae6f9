/*
 * The domain's own names and the read models' shapes, imported from the libraries the API is built from, so the
 * screens and the server cannot disagree about what a stage, a direction or a decision document is. Only pure
 * modules are imported (no Node built-ins): the bundler compiles them into the page.
 */
export {
  DIRECTIONS,
  DIRECTION_TITLES,
  MEETING_LEVELS,
  MEETING_LEVEL_TITLES,
  STAGE_TITLES,
} from '../../../libs/domain/src/procedure/values';
export type {
  Direction,
  Figure,
  Meeting,
  MeetingLevel,
  Responsible,
} from '../../../libs/domain/src/procedure/values';
export type { Decision } from '../../../libs/domain/src/procedure/state';
export type {
  ProcedureDocument,
  ProcedureStage,
} from '../../../libs/projections/src/procedures/procedure-document';
export type {
  DecisionDocument,
  DecisionStatus,
} from '../../../libs/projections/src/decisions/decision-document';
export type { AuditEntry } from '../../../libs/projections/src/audit/audit-entry';
export type { KpiCounts } from '../../../libs/projections/src/kpis/kpi-document';
export { NO_DIRECTION, NO_DUE_MONTH } from '../../../libs/projections/src/kpis/kpi-groups';
