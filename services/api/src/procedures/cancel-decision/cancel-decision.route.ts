import type { StageRoute } from '../stage-route';
import { CancelDecisionDto } from './cancel-decision.dto';

export const cancelDecisionRoute: StageRoute = {
  name: 'cancelDecision',
  path: 'decisions/:decisionId/cancellation',
  summary: 'Отменить решение',
  body: CancelDecisionDto,
};
