import type { Direction, ProcedureScheduled } from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';

/**
 * What never changes about a procedure once it is scheduled. Later events (a decision executed) do not repeat
 * the school year or the direction, yet decisions and KPIs are filtered by them: the projector looks the facts
 * up and hands them to the pure projections, which stay deterministic because the facts are immutable.
 */
export interface ProcedureFacts {
  procedureId: string;
  schoolId: string;
  academicYear: string;
  title: string;
  direction: Direction;
  timeZone: string;
  /** From the scheduling event's metadata when the caller knows the school's district. */
  districtId: string | null;
}

export interface ProjectionContext {
  procedure(procedureId: string): ProcedureFacts | undefined;
}

export const FACT_FIELDS = [
  'procedureId',
  'schoolId',
  'academicYear',
  'title',
  'direction',
  'timeZone',
  'districtId',
] as const;

export function factsOf(event: RecordedEvent): ProcedureFacts {
  const data = event.data as ProcedureScheduled['data'];
  const district = event.metadata.districtId;
  return {
    procedureId: data.procedureId,
    schoolId: data.schoolId,
    academicYear: data.academicYear,
    title: data.title,
    direction: data.direction,
    timeZone: data.timeZone,
    districtId: typeof district === 'string' ? district : null,
  };
}

/** The procedure an event belongs to: every procedure event names it in its data. */
export function procedureIdOf(event: RecordedEvent): string | null {
  const id = (event.data as { procedureId?: unknown } | null)?.procedureId;
  return typeof id === 'string' ? id : null;
}

export function contextFrom(facts: ReadonlyMap<string, ProcedureFacts>): ProjectionContext {
  return { procedure: (id) => facts.get(id) };
}
