import type { StageRoute } from '../stage-route';
import { AdoptDecisionsDto } from './adopt-decisions.dto';

export const adoptDecisionsRoute: StageRoute = {
  name: 'decisions',
  path: 'decisions',
  summary: 'Принять управленческие решения',
  body: AdoptDecisionsDto,
};
