export * from './projection';
export * from './context';
export * from './mongo-projector';
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
export * from './kpis/kpi-projection';
export * from './kpis/kpi-groups';

import { auditProjection } from './audit/audit-projection';
import { calendarProjection } from './calendar/calendar-projection';
import { decisionProjection } from './decisions/decision-projection';
import { kpiProjection } from './kpis/kpi-projection';
import { procedureProjection } from './procedures/procedure-projection';
import { anyProjection, type AnyProjection } from './projection';

/** Every read model the projector maintains; `procedures` first, as the others look its facts up. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  anyProjection(procedureProjection),
  anyProjection(decisionProjection),
  anyProjection(auditProjection),
  anyProjection(calendarProjection),
  anyProjection(kpiProjection),
];
