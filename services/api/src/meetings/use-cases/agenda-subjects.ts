import {
  decisionDecider,
  decisionStreamName,
  NotFound,
  procedureDecider,
  procedureStreamName,
  type AgendaItem,
} from '@vsoko/domain';
import type { DeciderHandler } from '@vsoko/event-sourcing';

/**
 * Every procedure and decision an agenda names must be the school's own: a foreign or unknown id answers like
 * an unknown one (404), so ids reveal nothing. Holding the meeting drives these procedures, so the check is made
 * where the agenda is written, not only when the procedure refuses a foreign school later.
 */
export async function requireOwnSubjects(
  handler: DeciderHandler,
  schoolId: string,
  items: readonly AgendaItem[],
): Promise<void> {
  for (const { subject } of items) {
    if (subject?.kind === 'procedure') {
      const { state } = await handler.load(procedureStreamName(subject.procedureId), procedureDecider);
      if (state.status === 'none' || state.schoolId !== schoolId)
        throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${subject.procedureId} не найдена`);
    }
    if (subject?.kind === 'decision') {
      const { state } = await handler.load(decisionStreamName(subject.decisionId), decisionDecider);
      if (state.status === 'none' || state.schoolId !== schoolId)
        throw new NotFound('DECISION_NOT_FOUND', `Решение ${subject.decisionId} не найдено`);
    }
  }
}
