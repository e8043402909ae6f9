import type { StageRoute } from '../stage-route';
import { ExtendDecisionDto } from './extend-decision.dto';

export const extendDecisionRoute: StageRoute = {
  name: 'extend',
  path: 'decisions/:decisionId/extension',
  summary: 'Продлить срок исполнения решения',
  body: ExtendDecisionDto,
};
