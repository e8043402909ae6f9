import type { StageRoute } from '../stage-route';
import { ExecuteDecisionDto } from './execute-decision.dto';

export const executeDecisionRoute: StageRoute = {
  name: 'executed',
  path: 'decisions/:decisionId/executed',
  summary: 'Отметить исполнение решения',
  body: ExecuteDecisionDto,
};
