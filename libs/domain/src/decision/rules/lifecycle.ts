import { isAdministrator, isResponsible } from '../../procedure/rules';
import { ruDate, type CommandContext } from '../../shared';
import type { DecisionState } from '../state';
import { DECISION_STATUS_TITLES, type DecisionStatus, type Executors } from '../values';
import { fail } from './fail';

export type ExistingDecision = Exclude<DecisionState, { status: 'none' }>;

export function existingDecision(
  state: DecisionState,
  decisionId: string,
  ctx: CommandContext,
): ExistingDecision {
  if (state.status === 'none') fail('DECISION_NOT_FOUND', `Решение ${decisionId} не принималось`);
  if (state.decisionId !== decisionId) {
    fail(
      'DECISION_MISMATCH',
      `Команда относится к решению ${decisionId}, а пришла в решение ${state.decisionId}`,
    );
  }
  if (ctx.schoolId !== state.schoolId) fail('SCHOOL_MISMATCH', 'Решение принадлежит другой школе');
  return state;
}

/** The lead or a co-executor, by person or by role. */
export function isExecutor(ctx: CommandContext, executors: Executors): boolean {
  return [executors.lead, ...executors.coExecutors].some((r) => isResponsible(ctx.actor, r));
}

export function requireAdministration(ctx: CommandContext, action: string): void {
  if (!isAdministrator(ctx.actor)) {
    fail('ACTOR_NOT_ALLOWED', `${action} может администрация: директор или заместитель директора`, {
      actor: ctx.actor.id,
    });
  }
}

export function requireExecutorOrAdministration(
  ctx: CommandContext,
  executors: Executors,
  action: string,
): void {
  if (!isAdministrator(ctx.actor) && !isExecutor(ctx, executors)) {
    fail(
      'ACTOR_NOT_ALLOWED',
      `${action} может ответственный (${executors.lead.name}), соисполнители или администрация`,
      { actor: ctx.actor.id },
    );
  }
}

/** A step on an existing decision of the actor's school, in one of the statuses the step belongs to. */
export function decisionStep<S extends DecisionStatus>(
  state: DecisionState,
  decisionId: string,
  ctx: CommandContext,
  statuses: readonly S[],
  action: string,
): Extract<DecisionState, { status: S }> {
  const current = existingDecision(state, decisionId, ctx);
  if ((statuses as readonly DecisionStatus[]).includes(current.status)) {
    return current as Extract<DecisionState, { status: S }>;
  }
  if (current.status === 'withdrawn') {
    fail('DECISION_WITHDRAWN', `${action}: решение отменено (${current.withdrawalReason})`);
  }
  if (current.status === 'executed' || current.status === 'assessed') {
    const last = current.executions[current.executions.length - 1];
    fail(
      'DECISION_ALREADY_EXECUTED',
      `${action}: решение уже исполнено ${last ? ruDate(last.executedOn) : ''}`.trim(),
    );
  }
  return fail(
    'DECISION_STATUS_MISMATCH',
    `${action}: решение сейчас «${DECISION_STATUS_TITLES[current.status]}»`,
    { current: current.status, expected: [...statuses] },
  );
}
