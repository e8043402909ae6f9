import type { StageRoute } from '../stage-route';
import { NoteWithoutDecisionDto } from './note-without-decision.dto';

export const noteWithoutDecisionRoute: StageRoute = {
  name: 'noted',
  path: 'noted-without-decision',
  summary: 'Принять к сведению без решений',
  body: NoteWithoutDecisionDto,
};
