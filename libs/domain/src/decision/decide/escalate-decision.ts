import type { CommandContext } from '../../shared';
import type { EscalateDecision } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionTimerTarget, dueDateOf } from '../rules';
import type { DecisionState } from '../state';

/**
 * The lateness goes on. A chain step is recorded once and in order (step k after k steps); the escalation of
 * decisions watched before chains (no step) is recorded once. A stale or repeated timer records nothing.
 */
export function escalateDecision(
  command: EscalateDecision,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, due, dueAt, step, to } = command.data;
  const current = decisionTimerTarget(state, decisionId, ctx, dueAt);
  if (!current || !current.overdue || dueDateOf(current.deadline.parsed) !== due) return [];
  const taken = current.escalations ?? (current.escalated ? 1 : 0);
  const base = { decisionId, due, wording: current.wording, responsible: current.executors.lead };
  if (step === undefined) return current.escalated ? [] : [{ type: 'DecisionEscalated', data: base }];
  if (step !== taken || to === undefined) return [];
  return [{ type: 'DecisionEscalated', data: { ...base, step, to } }];
}
