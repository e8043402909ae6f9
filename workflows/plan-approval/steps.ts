import {
  DEFAULT_TIMER_POLICY,
  localDateOf,
  procedureChaseOf,
  VsokoError,
  type CommandContext,
  type PastWindowDecision,
  type PlanChanges,
  type PlannedProcedure,
  type ProcedureCommand,
  type ProcedureState,
  type SchoolSettingsState,
} from '../../libs/domain/src';
import type { CommandEnvelope } from '../procedure/definitions';

/** What the steps need of the procedure workflows: the procedure client, or the API's gateway over it. */
export interface ProcedurePort {
  start(procedureId: string, envelope: CommandEnvelope): Promise<unknown>;
  execute(procedureId: string, envelope: CommandEnvelope): Promise<unknown>;
  snapshot(procedureId: string): Promise<{ state: ProcedureState }>;
}

/** The procedures a school's plan (or one template's part of it) must have, and why a moved one moves. */
export interface ReconcileTarget {
  schoolId: string;
  academicYear: string;
  timeZone: string;
  rescheduleReason: string;
  /**
   * The school's reminder settings, chain and calendars as they stood at approval: each new procedure is
   * scheduled with them, as `POST /procedures` does. Absent in runs started before plan procedures were chased:
   * those procedures keep the single escalation to the director.
   */
  school?: SchoolSettingsState;
}

/** One procedure brought in line with the approved plan. */
export type ReconcileStep =
  | { kind: 'ensure'; procedure: PlannedProcedure; past?: PastWindowDecision }
  | { kind: 'cancel'; procedureId: string; reason: string };

export interface ReconcileReport {
  scheduled: string[];
  /** Already scheduled with the same window: the import asked for nothing new. */
  alreadyThere: string[];
  rescheduled: string[];
  cancelled: string[];
  /** Rows whose window had ended, recorded as performed on the date the director gave. */
  performed: string[];
  /** Rows whose window had ended, kept as overdue: their lateness is announced from `watchFrom` on. */
  keptOverdue: string[];
  failed: Array<{ procedureId: string; code: string; message: string }>;
}

export type Outcome = Exclude<keyof ReconcileReport, 'failed'>;

export interface StepOutcome {
  procedureId: string;
  outcomes: Outcome[];
  failed?: { code: string; message: string };
}

/** Every procedure of the approved part, then every cancellation: the order the report lists them. */
export function reconcileSteps(
  procedures: readonly PlannedProcedure[],
  changes: PlanChanges,
  pastWindows: readonly PastWindowDecision[] = [],
): ReconcileStep[] {
  const past = new Map(pastWindows.map((d) => [d.procedureId, d]));
  return [
    ...procedures.map((procedure): ReconcileStep => {
      const decision = past.get(procedure.procedureId);
      return { kind: 'ensure', procedure, ...(decision ? { past: decision } : {}) };
    }),
    ...changes.cancelled.map((c): ReconcileStep => ({ kind: 'cancel', ...c })),
  ];
}

export function emptyReport(): ReconcileReport {
  return {
    scheduled: [],
    alreadyThere: [],
    rescheduled: [],
    cancelled: [],
    performed: [],
    keptOverdue: [],
    failed: [],
  };
}

export function addOutcome(report: ReconcileReport, outcome: StepOutcome): void {
  for (const o of outcome.outcomes) report[o].push(outcome.procedureId);
  if (outcome.failed) report.failed.push({ procedureId: outcome.procedureId, ...outcome.failed });
}

/** A row recorded as performed or cancelled at approval must not be announced late in the moment between. */
const QUIET_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One step, safe to repeat: a start that finds the procedure scheduled (PROCEDURE_ALREADY_SCHEDULED) is "already
 * there" when its window is the planned one and a reschedule otherwise; a performance or cancellation already
 * recorded counts as done. Never throws for a refusal: it is reported with its code.
 */
export async function runStep(
  port: ProcedurePort,
  step: ReconcileStep,
  target: ReconcileTarget,
  context: CommandContext,
): Promise<StepOutcome> {
  const procedureId = step.kind === 'ensure' ? step.procedure.procedureId : step.procedureId;
  const outcomes: Outcome[] = [];
  const ctx = (name: string): CommandContext => stepContext(context, name, procedureId);
  try {
    if (step.kind === 'cancel') {
      outcomes.push(
        (await cancel(port, procedureId, step.reason, ctx('cancel'))) ? 'cancelled' : 'alreadyThere',
      );
      return { procedureId, outcomes };
    }
    const { procedure, past } = step;
    const watchFrom =
      past?.action === 'overdue'
        ? past.watchFrom
        : past
          ? new Date(Date.parse(context.issuedAt) + QUIET_DAY_MS).toISOString()
          : undefined;
    const started = await schedule(port, procedure, target, watchFrom, ctx('schedule'));
    if (started) outcomes.push('scheduled');
    else outcomes.push(await alignWindow(port, procedure, target.rescheduleReason, ctx('reschedule')));
    if (past?.action === 'overdue') outcomes.push('keptOverdue');
    if (past?.action === 'cancelled' && (await cancel(port, procedureId, past.reason, ctx('cancel'))))
      outcomes.push('cancelled');
    if (past?.action === 'performed' && (await perform(port, procedure, past.performedOn, ctx('performed'))))
      outcomes.push('performed');
    return { procedureId, outcomes };
  } catch (e) {
    const code = e instanceof VsokoError ? e.code : 'UNEXPECTED';
    return { procedureId, outcomes, failed: { code, message: e instanceof Error ? e.message : String(e) } };
  }
}

async function schedule(
  port: ProcedurePort,
  p: PlannedProcedure,
  target: ReconcileTarget,
  watchFrom: string | undefined,
  context: CommandContext,
): Promise<boolean> {
  try {
    await port.start(p.procedureId, {
      command: scheduleCommand(p, target, context.issuedAt, watchFrom),
      context,
    });
    return true;
  } catch (e) {
    if (e instanceof VsokoError && e.code === 'PROCEDURE_ALREADY_SCHEDULED') return false;
    throw e;
  }
}

/** The reminders and chase `POST /procedures` gives a procedure, from the school's settings at approval. */
function chaseOf(school: SchoolSettingsState, p: PlannedProcedure, timeZone: string, issuedAt: string) {
  const reminders = school.reminders ?? {
    daysBefore: [...DEFAULT_TIMER_POLICY.reminderDaysBefore],
    escalationGraceDays: DEFAULT_TIMER_POLICY.escalationGraceDays,
  };
  return {
    reminders: { daysBefore: reminders.daysBefore, escalationGraceDays: reminders.escalationGraceDays },
    chase: procedureChaseOf(school, p.window, localDateOf(issuedAt, timeZone)),
  };
}

/** The ScheduleProcedure of a planned procedure. */
export function scheduleCommand(
  p: PlannedProcedure,
  target: ReconcileTarget,
  /** When the plan was approved: the school's chase starts from it. */
  issuedAt: string,
  watchFrom?: string,
): Extract<ProcedureCommand, { type: 'ScheduleProcedure' }> {
  return {
    type: 'ScheduleProcedure',
    data: {
      procedureId: p.procedureId,
      schoolId: target.schoolId,
      academicYear: target.academicYear,
      title: p.title,
      direction: p.direction,
      ...(p.indicator ? { indicator: p.indicator } : {}),
      ...(p.object ? { object: p.object } : {}),
      ...(p.method ? { method: p.method } : {}),
      ...(p.resultForm ? { resultForm: p.resultForm } : {}),
      responsible: p.responsible,
      window: p.window,
      timeZone: target.timeZone,
      ...(watchFrom ? { watchFrom } : {}),
      ...(p.predecessor ? { predecessor: p.predecessor } : {}),
      ...(p.lineageId ? { lineageId: p.lineageId } : {}),
      ...(target.school ? chaseOf(target.school, p, target.timeZone, issuedAt) : {}),
    },
  };
}

/** A step's command context: its command id derived from the run's, the step's name and the procedure. */
export function stepContext(context: CommandContext, name: string, procedureId: string): CommandContext {
  const commandId = `${context.commandId}:${name}:${procedureId}`;
  return { ...context, commandId, causationId: commandId };
}

async function alignWindow(
  port: ProcedurePort,
  p: PlannedProcedure,
  reason: string,
  context: CommandContext,
): Promise<Outcome> {
  const { state } = await port.snapshot(p.procedureId);
  if (state.status === 'none') throw new Error('процедура не найдена');
  if (state.window.from === p.window.from && state.window.to === p.window.to) return 'alreadyThere';
  await port.execute(p.procedureId, {
    command: { type: 'RescheduleProcedure', data: { procedureId: p.procedureId, window: p.window, reason } },
    context,
  });
  return 'rescheduled';
}

/** True when this call cancelled it; false when it was cancelled (or never scheduled) already. */
async function cancel(port: ProcedurePort, procedureId: string, reason: string, context: CommandContext) {
  try {
    await port.execute(procedureId, {
      command: { type: 'CancelProcedure', data: { procedureId, reason } },
      context,
    });
    return true;
  } catch (e) {
    if (e instanceof VsokoError && ['PROCEDURE_CANCELLED', 'PROCEDURE_NOT_FOUND'].includes(e.code))
      return false;
    throw e;
  }
}

async function perform(
  port: ProcedurePort,
  p: PlannedProcedure,
  performedOn: string,
  context: CommandContext,
) {
  try {
    await port.execute(p.procedureId, {
      command: {
        type: 'MarkProcedurePerformed',
        data: {
          procedureId: p.procedureId,
          performedOn,
          performedBy: p.responsible,
          collected: ['Проведена до начала работы в системе: отмечено при утверждении плана'],
        },
      },
      context,
    });
    return true;
  } catch (e) {
    if (e instanceof VsokoError && e.code === 'STAGE_ALREADY_DONE') return false;
    throw e;
  }
}
