import type { Actor, CommandContext } from '../shared';

/**
 * The command context of an aggregate's specs: one command, correlation and causation id, issued at the
 * fixtures' moment for their school unless a spec says otherwise.
 */
export function contextAt(now: string, schoolId: string) {
  return (actor: Actor, issuedAt: string = now, school: string = schoolId): CommandContext => ({
    commandId: 'cmd-1',
    actor,
    issuedAt,
    correlationId: 'corr-1',
    causationId: 'cause-1',
    schoolId: school,
  });
}
