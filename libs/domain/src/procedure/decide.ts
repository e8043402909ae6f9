import { assertNever, DomainRuleViolation } from '../shared';
import type { ProcedureCommand, ScheduleProcedure } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';
import { academicYearBounds, isIsoDate } from './calendar';

/** Pure: the same command in the same state always gives the same events or the same error. */
export function decide(command: ProcedureCommand, state: ProcedureState): ProcedureEvent[] {
  switch (command.type) {
    case 'ScheduleProcedure':
      return schedule(command, state);
    default:
      return assertNever(command.type);
  }
}

function schedule(command: ScheduleProcedure, state: ProcedureState): ProcedureEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation(
      'PROCEDURE_ALREADY_SCHEDULED',
      'Процедура с таким идентификатором уже запланирована',
    );
  }
  const { window, academicYear } = command.data;
  if (!isIsoDate(window.from) || !isIsoDate(window.to)) {
    throw new DomainRuleViolation(
      'WINDOW_INVALID_DATE',
      'Срок проведения должен быть датой в формате ГГГГ-ММ-ДД',
    );
  }
  if (window.from > window.to) {
    throw new DomainRuleViolation('WINDOW_REVERSED', 'Начало срока проведения позже его окончания');
  }
  const year = academicYearBounds(academicYear);
  if (!year) {
    throw new DomainRuleViolation('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
  }
  if (window.from < year.from || window.to > year.to) {
    throw new DomainRuleViolation(
      'WINDOW_OUTSIDE_ACADEMIC_YEAR',
      `Срок проведения должен лежать внутри учебного года ${academicYear} (${year.from} — ${year.to})`,
    );
  }
  return [{ type: 'ProcedureScheduled', data: command.data }];
}
