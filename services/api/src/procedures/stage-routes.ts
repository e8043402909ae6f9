import { rescheduleRoute } from './reschedule/reschedule.route';
import { markPerformedRoute } from './mark-performed/mark-performed.route';
import { recordAnalysisRoute } from './record-analysis/record-analysis.route';
import { recordDiscussionRoute } from './record-discussion/record-discussion.route';
import { adoptDecisionsRoute } from './adopt-decisions/adopt-decisions.route';
import { noteWithoutDecisionRoute } from './note-without-decision/note-without-decision.route';
import { executeDecisionRoute } from './execute-decision/execute-decision.route';
import { extendDecisionRoute } from './extend-decision/extend-decision.route';
import { cancelDecisionRoute } from './cancel-decision/cancel-decision.route';
import { requestRecheckRoute } from './request-recheck/request-recheck.route';
import { cancelProcedureRoute } from './cancel-procedure/cancel-procedure.route';
import { closeProcedureRoute } from './close-procedure/close-procedure.route';
import type { StageRoute } from './stage-route';

/** Every command on an existing procedure, in the order of its life; each becomes `POST /procedures/:id/<path>`. */
export const STAGE_ROUTES: readonly StageRoute[] = [
  rescheduleRoute,
  markPerformedRoute,
  recordAnalysisRoute,
  recordDiscussionRoute,
  adoptDecisionsRoute,
  noteWithoutDecisionRoute,
  executeDecisionRoute,
  extendDecisionRoute,
  cancelDecisionRoute,
  requestRecheckRoute,
  cancelProcedureRoute,
  closeProcedureRoute,
];
