import type { StageRoute } from '../stage-route';
import { CloseProcedureDto } from './close-procedure.dto';

export const closeProcedureRoute: StageRoute = {
  name: 'close',
  path: 'closure',
  summary: 'Закрыть процедуру (все решения исполнены или отменены)',
  body: CloseProcedureDto,
};
