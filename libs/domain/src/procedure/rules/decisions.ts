import type { Decision, FollowingUpProcedure } from '../state';
import { ruDate } from './dates';
import { fail } from './fail';

export function findDecision(state: FollowingUpProcedure, decisionId: string): Decision {
  const decision = state.followUp.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) {
    fail('DECISION_UNKNOWN', `Решение ${decisionId} в этой процедуре не принималось`, { decisionId });
  }
  return decision;
}

/** Executed and cancelled decisions are history: nothing about them changes any more. */
export function requireOpen(decision: Decision): Decision {
  if (decision.status === 'executed') {
    fail(
      'DECISION_ALREADY_EXECUTED',
      `Решение «${decision.wording}» уже исполнено ${ruDate(decision.executed?.executedOn ?? '')}`,
      { decisionId: decision.decisionId },
    );
  }
  if (decision.status === 'cancelled') {
    fail(
      'DECISION_ALREADY_CANCELLED',
      `Решение «${decision.wording}» отменено: ${decision.cancellationReason ?? ''}`,
      {
        decisionId: decision.decisionId,
      },
    );
  }
  return decision;
}
