import type { StageRoute } from '../stage-route';
import { RescheduleDto } from './reschedule.dto';

export const rescheduleRoute: StageRoute = {
  name: 'reschedule',
  path: 'reschedule',
  summary: 'Перенести сроки проведения',
  body: RescheduleDto,
};
