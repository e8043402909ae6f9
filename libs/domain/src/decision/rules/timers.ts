import { requireSystem } from '../../procedure/rules';
import type { CommandContext } from '../../shared';
import type { ActiveDecision, DecisionState } from '../state';
import { fail } from './fail';
import { existingDecision } from './lifecycle';

/**
 * The common start of every timer command: the system's, for an existing decision of the same school. Null
 * when there is nothing to act on — the decision is no longer in work, or the timer fired early — so that a
 * late, early or repeated timer is harmless.
 */
export function decisionTimerTarget(
  state: DecisionState,
  decisionId: string,
  ctx: CommandContext,
  dueAt: string,
): ActiveDecision | null {
  requireSystem(ctx);
  const current = existingDecision(state, decisionId, ctx);
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) fail('TIMER_INVALID', `Момент срабатывания таймера не распознан: «${dueAt}»`);
  if (Number.isNaN(Date.parse(ctx.issuedAt)))
    fail('ISSUED_AT_INVALID', `Время команды не распознано: «${ctx.issuedAt}»`);
  if (current.status !== 'open' && current.status !== 'reopened') return null;
  return Date.parse(ctx.issuedAt) < due ? null : current;
}
