import type { StageRoute } from '../stage-route';
import { MarkPerformedDto } from './mark-performed.dto';

export const markPerformedRoute: StageRoute = {
  name: 'performed',
  path: 'performed',
  summary: 'Отметить, что процедура проведена',
  body: MarkPerformedDto,
};
