import type { CommandContext } from '../../shared';
import type { ActiveProcedure, ProcedureState } from '../state';
import { requireSchool, requireSystem } from './actors';
import { fail } from './fail';
import { existing } from './lifecycle';

/**
 * The common start of every timer command: the system's, for an existing procedure of the same school.
 * Returns null when the timer has nothing to act on — the procedure has ended, or the timer fired before
 * its instant — so that a late, early or repeated timer is harmless.
 */
export function timerTarget(
  state: ProcedureState,
  procedureId: string,
  ctx: CommandContext,
  dueAt: string,
): ActiveProcedure | null {
  requireSystem(ctx);
  const current = existing(state, procedureId);
  requireSchool(ctx, current.schoolId);
  const due = Date.parse(dueAt);
  const now = Date.parse(ctx.issuedAt);
  if (Number.isNaN(due)) fail('TIMER_INVALID', `Момент срабатывания таймера не распознан: «${dueAt}»`);
  if (Number.isNaN(now)) fail('ISSUED_AT_INVALID', `Время команды не распознано: «${ctx.issuedAt}»`);
  if (current.status === 'closed' || current.status === 'cancelled') return null;
  return now < due ? null : current;
}
