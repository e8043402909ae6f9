export * from './projection';
export * from './context';
export * from './projector';
export * from './store/read-store';
export * from './store/sqlite-read-store';
export * from './store/write-back-store';
export { rebuildingPath, removeStoreFiles } from './store/sqlite-files';
export * from './store/mongo-read-store';
export * from './in-memory-projector';
export * from './responsible';
export * from './dates';
export * from './procedures/procedure-document';
export * from './procedures/procedure-projection';
export * from './decisions/decision-document';
export * from './decisions/decision-projection';
export * from './audit/audit-entry';
export * from './audit/audit-projection';
export * from './audit/describe-event';
export * from './calendar/calendar-entry';
export * from './calendar/calendar-projection';
export * from './kpis/kpi-document';
export * from './kpis/district-kpis';
export * from './kpis/kpi-rollups';
export * from './rollup';
export * from './kpis/kpi-groups';
export { meetingProjection, type MeetingDocument } from './meetings/meeting-projection';
export {
  decisionRecordProjection,
  type DecisionRecordDocument,
} from './decision-records/decision-record-projection';
export * from './decision-records/decision-record-kpis';
export * from './plan-templates/plan-template-document';
export * from './plan-templates/plan-template-projection';

export * from './all-projections';
export * from './store/open-read-store';
