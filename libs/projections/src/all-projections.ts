import { auditProjection } from './audit/audit-projection';
import { calendarProjection } from './calendar/calendar-projection';
import { decisionProjection } from './decisions/decision-projection';
import { decisionRecordProjection } from './decision-records/decision-record-projection';
import { meetingProjection } from './meetings/meeting-projection';
import { planTemplateProjection } from './plan-templates/plan-template-projection';
import { procedureProjection } from './procedures/procedure-projection';
import { anyProjection, collectionsOf, type AnyProjection, type CollectionSpec } from './projection';

/** Every read model the projector maintains; `procedures` first, as the others look its facts up. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  anyProjection(procedureProjection),
  anyProjection(decisionProjection),
  anyProjection(auditProjection),
  anyProjection(calendarProjection),
  anyProjection(meetingProjection),
  anyProjection(decisionRecordProjection),
  anyProjection(planTemplateProjection),
];

/** Every collection the projector writes (summaries included), as the stores prepare them. */
export const ALL_COLLECTIONS: readonly CollectionSpec[] = ALL_PROJECTIONS.flatMap(collectionsOf);
