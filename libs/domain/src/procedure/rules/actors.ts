import type { Actor, CommandContext } from '../../shared';
import type { Responsible } from '../values';
import { fail } from './fail';

/** Administrators may act on any procedure of their school. */
export const ADMINISTRATOR_ROLES: readonly string[] = ['director', 'deputy'];

export function isAdministrator(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role !== undefined && ADMINISTRATOR_ROLES.includes(actor.role);
}

/** A named person answers by their id; a responsibility given to a role, by anyone holding it. */
export function isResponsible(actor: Actor, responsible: Responsible): boolean {
  if (actor.kind !== 'user') return false;
  if (responsible.personId !== undefined) return actor.id === responsible.personId;
  if (responsible.role === undefined) return false;
  return actor.answersFor !== undefined
    ? actor.answersFor.includes(responsible.role)
    : actor.role === responsible.role;
}

export function requireSchool(ctx: CommandContext, schoolId: string): void {
  if (ctx.schoolId !== schoolId) {
    fail('SCHOOL_MISMATCH', 'Процедура принадлежит другой школе', { schoolId: ctx.schoolId });
  }
}

export function requireAdministrator(ctx: CommandContext, action: string): void {
  if (!isAdministrator(ctx.actor)) {
    fail('ACTOR_NOT_ALLOWED', `${action} может только администрация: директор или заместитель директора`, {
      actor: ctx.actor.id,
    });
  }
}

export function requireResponsibleOrAdministrator(
  ctx: CommandContext,
  responsible: Responsible,
  action: string,
): void {
  if (!isAdministrator(ctx.actor) && !isResponsible(ctx.actor, responsible)) {
    fail(
      'ACTOR_NOT_ALLOWED',
      `${action} может ответственный (${responsible.name}) или администрация: директор или заместитель директора`,
      { actor: ctx.actor.id },
    );
  }
}

/**
 * Planning acts (schedule, move, cancel) may also come from a calendar integration of the procedure's school:
 * `requireSchool` has already bound it to that school.
 */
export function requireAdministratorOrIntegration(ctx: CommandContext, action: string): void {
  if (ctx.actor.kind !== 'integration') requireAdministrator(ctx, action);
}

/** Timer facts and delivery reports come from the system alone. */
export function requireSystem(ctx: CommandContext): void {
  if (ctx.actor.kind !== 'system') {
    fail(
      'SYSTEM_ONLY',
      'Эту отметку ставит только система: сроки и уведомления отслеживаются автоматически',
      {
        actor: ctx.actor.id,
      },
    );
  }
}
