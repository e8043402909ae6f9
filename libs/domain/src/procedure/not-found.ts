import { NotFound } from '../shared';

/**
 * The one answer for a procedure the caller may not see, whether it does not exist or belongs to another
 * school: telling the two apart would reveal another school's ids.
 */
export function procedureNotFound(procedureId: string): NotFound {
  return new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
}
