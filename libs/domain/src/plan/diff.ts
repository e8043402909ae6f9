import type { DateWindow } from '../procedure/values';
import type { PlanChanges, PlannedProcedure } from './events';

export const CANCELLED_BY_REVISION = 'Строка удалена из пересмотренного плана';

const sameWindow = (a: DateWindow, b: DateWindow) => a.from === b.from && a.to === b.to;

const DETAILS = ['title', 'direction', 'indicator', 'object', 'method', 'resultForm'] as const;

function sameDetails(a: PlannedProcedure, b: PlannedProcedure): boolean {
  return (
    DETAILS.every((k) => (a[k] ?? '') === (b[k] ?? '')) &&
    a.responsible.name === b.responsible.name &&
    (a.responsible.role ?? '') === (b.responsible.role ?? '')
  );
}

/**
 * What approving `next` changes in the `current` plan. Procedures are matched by id (derived from the row's
 * identity, not its position): a new id is added, a missing one cancelled, a moved window rescheduled.
 */
export function diffPlan(
  current: readonly PlannedProcedure[],
  next: readonly PlannedProcedure[],
  cancelReason: (removed: PlannedProcedure) => string = () => CANCELLED_BY_REVISION,
): PlanChanges {
  const before = new Map(current.map((p) => [p.procedureId, p]));
  const after = new Set(next.map((p) => p.procedureId));
  const changes: PlanChanges = { added: [], rescheduled: [], cancelled: [], amended: [], unchanged: 0 };
  for (const p of next) {
    const old = before.get(p.procedureId);
    if (!old) changes.added.push(p.procedureId);
    else if (!sameWindow(old.window, p.window)) {
      changes.rescheduled.push({ procedureId: p.procedureId, from: old.window, to: p.window });
    } else if (!sameDetails(old, p)) changes.amended.push(p.procedureId);
    else changes.unchanged += 1;
  }
  for (const p of current) {
    if (!after.has(p.procedureId)) {
      changes.cancelled.push({ procedureId: p.procedureId, reason: cancelReason(p) });
    }
  }
  return changes;
}

export function isEmptyChange(changes: PlanChanges): boolean {
  return (
    changes.added.length + changes.rescheduled.length + changes.cancelled.length + changes.amended.length ===
    0
  );
}
