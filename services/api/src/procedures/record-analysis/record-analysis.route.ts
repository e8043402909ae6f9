import type { StageRoute } from '../stage-route';
import { RecordAnalysisDto } from './record-analysis.dto';

export const recordAnalysisRoute: StageRoute = {
  name: 'analysis',
  path: 'analysis',
  summary: 'Записать анализ результатов (аналитическая справка)',
  body: RecordAnalysisDto,
};
