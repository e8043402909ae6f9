import type { StageRoute } from '../stage-route';
import { RequestRecheckDto } from './request-recheck.dto';

export const requestRecheckRoute: StageRoute = {
  name: 'recheck',
  path: 'decisions/:decisionId/recheck',
  summary: 'Назначить повторную проверку (дочерняя процедура)',
  body: RequestRecheckDto,
};
