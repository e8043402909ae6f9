import type { StageRoute } from '../stage-route';
import { CancelProcedureDto } from './cancel-procedure.dto';

export const cancelProcedureRoute: StageRoute = {
  name: 'cancel',
  path: 'cancellation',
  summary: 'Отменить процедуру',
  body: CancelProcedureDto,
};
