import type { ActiveProcedure, ProcedureState } from '../state';
import { PROCEDURE_STATUS_TITLES, PROCEDURE_STATUSES, type ActiveStatus } from '../values';
import type { CommandContext } from '../../shared';
import { requireResponsibleOrAdministrator, requireSchool } from './actors';
import { fail } from './fail';

export type ExistingProcedure = Exclude<ProcedureState, { status: 'none' }>;

export function existing(state: ProcedureState, procedureId: string): ExistingProcedure {
  if (state.status === 'none') {
    fail('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не запланирована`);
  }
  if (state.procedureId !== procedureId) {
    fail(
      'PROCEDURE_MISMATCH',
      `Команда относится к процедуре ${procedureId}, а пришла в процедуру ${state.procedureId}`,
    );
  }
  return state;
}

/** A closed or cancelled procedure accepts nothing from people. */
export function active(state: ProcedureState, procedureId: string): ActiveProcedure {
  const s = existing(state, procedureId);
  if (s.status === 'closed') {
    fail('PROCEDURE_CLOSED', 'Процедура закрыта: изменения больше не принимаются');
  }
  if (s.status === 'cancelled') {
    fail(
      'PROCEDURE_CANCELLED',
      `Процедура отменена (${s.cancellationReason}): изменения больше не принимаются`,
    );
  }
  return s;
}

/** The stages go in order: each command is accepted only where the procedure has got to. */
export function inStage<S extends ActiveStatus>(
  state: ActiveProcedure,
  expected: readonly S[],
  action: string,
): Extract<ActiveProcedure, { status: S }> {
  if ((expected as readonly ActiveStatus[]).includes(state.status)) {
    return state as Extract<ActiveProcedure, { status: S }>;
  }
  const wanted = expected.map((s) => `«${PROCEDURE_STATUS_TITLES[s]}»`).join(' или ');
  const order = (s: ActiveStatus) => PROCEDURE_STATUSES.indexOf(s);
  if (expected.every((s) => order(s) < order(state.status))) {
    // Someone already did this (often a second click or a colleague at the same moment): a conflict, not a
    // mistake in the request.
    return fail(
      'STAGE_ALREADY_DONE',
      `Нельзя ${action}: это делается на этапе ${wanted}, а процедура уже прошла его и сейчас на этапе «${PROCEDURE_STATUS_TITLES[state.status]}»`,
      { current: state.status, expected: [...expected] },
    );
  }
  return fail(
    'STAGE_OUT_OF_ORDER',
    `Нельзя ${action}: процедура сейчас на этапе «${PROCEDURE_STATUS_TITLES[state.status]}», а для этого нужен этап ${wanted}`,
    { current: state.status, expected: [...expected] },
  );
}

/**
 * One step of the procedure's own work, checked in order: an active procedure, of the actor's school, by its
 * responsible or an administrator, at the stage the step belongs to. `action` is how the messages name it
 * («Отметить проведение»); the stage message uses it mid-sentence, lower-cased.
 */
export function procedureStep<S extends ActiveStatus>(
  state: ProcedureState,
  procedureId: string,
  ctx: CommandContext,
  stages: readonly S[],
  action: string,
): Extract<ActiveProcedure, { status: S }> {
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireResponsibleOrAdministrator(ctx, current.responsible, action);
  return inStage(current, stages, action.charAt(0).toLowerCase() + action.slice(1).replace(/,$/, ''));
}
