import type { CommandContext } from '../../shared';
import { academicYearBounds } from '../calendar';
import type { MarkProcedurePerformed } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  procedureStep,
  requireLines,
  requireNotBefore,
  requirePastFact,
  requireResponsible,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

export function markProcedurePerformed(
  command: MarkProcedurePerformed,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId } = command.data;
  const scheduled = procedureStep(state, procedureId, ctx, ['scheduled'], 'Отметить проведение');
  const today = schoolToday(ctx, scheduled.timeZone);
  const performedOn = requirePastFact(command.data.performedOn, 'Дата проведения', today);
  const year = academicYearBounds(scheduled.academicYear);
  if (year) {
    requireNotBefore(
      performedOn,
      year.from,
      'DATE_BEFORE_ACADEMIC_YEAR',
      'Процедура не могла пройти до начала учебного года',
    );
  }
  const performedBy = requireResponsible(
    command.data.performedBy,
    'PERFORMER_REQUIRED',
    'Укажите, кто провёл процедуру',
  );
  const collected = requireLines(
    command.data.collected,
    'COLLECTED_REQUIRED',
    'Перечислите, что собрано: работы, анкеты, протоколы посещения уроков…',
  );
  return [{ type: 'ProcedurePerformed', data: { procedureId, performedOn, performedBy, collected } }];
}
