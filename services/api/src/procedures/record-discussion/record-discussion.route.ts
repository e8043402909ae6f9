import type { StageRoute } from '../stage-route';
import { RecordDiscussionDto } from './record-discussion.dto';

export const recordDiscussionRoute: StageRoute = {
  name: 'discussion',
  path: 'discussion',
  summary: 'Записать обсуждение результатов на совещании',
  body: RecordDiscussionDto,
};
