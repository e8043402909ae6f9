import { Injectable } from '@nestjs/common';
import {
  DEFAULT_TIME_ZONE,
  VsokoError,
  type CommandContext,
  type PlanChanges,
  type PlannedProcedure,
} from '@vsoko/domain';
import { ProcedureGateway } from '../../procedures/gateway/procedure-gateway';

export interface ReconcileReport {
  scheduled: string[];
  /** Already scheduled with the same window: the import asked for nothing new. */
  alreadyThere: string[];
  rescheduled: string[];
  cancelled: string[];
  failed: Array<{ procedureId: string; code: string; message: string }>;
}

/** The procedures a school's plan (or one template's part of it) must have, and why a moved one moves. */
export interface ReconcileTarget {
  schoolId: string;
  academicYear: string;
  procedures: readonly PlannedProcedure[];
  rescheduleReason: string;
}

/** How many procedure workflows are asked at once: enough to import a year's plan in seconds. */
const PARALLEL = 8;

/**
 * Brings every procedure of the school's year in line with the approved plan, through the procedure workflows
 * only. Each step is safe to repeat: a start that finds the procedure scheduled (PROCEDURE_ALREADY_SCHEDULED) is
 * "already there" when its window is the planned one, and a reschedule otherwise.
 */
@Injectable()
export class PlanReconciler {
  constructor(private readonly gateway: ProcedureGateway) {}

  async reconcile(
    target: ReconcileTarget,
    changes: PlanChanges,
    context: CommandContext,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      scheduled: [],
      alreadyThere: [],
      rescheduled: [],
      cancelled: [],
      failed: [],
    };
    const tasks: Array<() => Promise<void>> = [
      ...target.procedures.map((p) => () => this.ensureScheduled(p, target, context, report)),
      ...changes.cancelled.map((c) => () => this.ensureCancelled(c.procedureId, c.reason, context, report)),
    ];
    let done = 0;
    const total = tasks.length;
    onProgress?.(0, total);
    const queue = [...tasks];
    const worker = async () => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        await task();
        onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, worker));
    return report;
  }

  private ctx(context: CommandContext, step: string, procedureId: string): CommandContext {
    const commandId = `${context.commandId}:${step}:${procedureId}`;
    return { ...context, commandId, causationId: commandId };
  }

  private async ensureScheduled(
    p: PlannedProcedure,
    target: ReconcileTarget,
    context: CommandContext,
    report: ReconcileReport,
  ): Promise<void> {
    try {
      await this.gateway.start(p.procedureId, {
        command: {
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
            timeZone: DEFAULT_TIME_ZONE,
          },
        },
        context: this.ctx(context, 'schedule', p.procedureId),
      });
      report.scheduled.push(p.procedureId);
    } catch (e) {
      if (!(e instanceof VsokoError) || e.code !== 'PROCEDURE_ALREADY_SCHEDULED')
        return fail(report, p.procedureId, e);
      await this.alignWindow(p, context, target.rescheduleReason, report);
    }
  }

  private async alignWindow(
    p: PlannedProcedure,
    context: CommandContext,
    reason: string,
    report: ReconcileReport,
  ) {
    try {
      const { state } = await this.gateway.snapshot(p.procedureId);
      if (state.status === 'none') return fail(report, p.procedureId, new Error('процедура не найдена'));
      if (state.window.from === p.window.from && state.window.to === p.window.to) {
        report.alreadyThere.push(p.procedureId);
        return;
      }
      await this.gateway.execute(p.procedureId, {
        command: {
          type: 'RescheduleProcedure',
          data: { procedureId: p.procedureId, window: p.window, reason },
        },
        context: this.ctx(context, 'reschedule', p.procedureId),
      });
      report.rescheduled.push(p.procedureId);
    } catch (e) {
      fail(report, p.procedureId, e);
    }
  }

  private async ensureCancelled(
    procedureId: string,
    reason: string,
    context: CommandContext,
    report: ReconcileReport,
  ) {
    try {
      await this.gateway.execute(procedureId, {
        command: { type: 'CancelProcedure', data: { procedureId, reason } },
        context: this.ctx(context, 'cancel', procedureId),
      });
      report.cancelled.push(procedureId);
    } catch (e) {
      if (e instanceof VsokoError && (e.code === 'PROCEDURE_CANCELLED' || e.code === 'PROCEDURE_NOT_FOUND')) {
        report.alreadyThere.push(procedureId);
      } else fail(report, procedureId, e);
    }
  }
}

function fail(report: ReconcileReport, procedureId: string, e: unknown): void {
  const code = e instanceof VsokoError ? e.code : 'UNEXPECTED';
  report.failed.push({ procedureId, code, message: e instanceof Error ? e.message : String(e) });
}
