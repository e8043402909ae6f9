import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@vsoko/domain';
import {
  addOutcome,
  emptyReport,
  runStep,
  type ReconcileReport,
  type ReconcileStep,
  type ReconcileTarget,
} from '@vsoko/workflows/plan-approval/steps';
import { ProcedureGateway } from '../../procedures/gateway/procedure-gateway';

/** How many procedure workflows are asked at once: enough to import a year's plan in seconds. */
const PARALLEL = 8;

/** Brings every procedure of the school's year in line with the approved plan, through the procedure workflows. */
@Injectable()
export class PlanReconciler {
  constructor(private readonly gateway: ProcedureGateway) {}

  async reconcile(
    steps: readonly ReconcileStep[],
    target: ReconcileTarget,
    context: CommandContext,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ReconcileReport> {
    const report = emptyReport();
    let done = 0;
    const total = steps.length;
    onProgress?.(0, total);
    const queue = [...steps];
    const worker = async () => {
      for (let step = queue.shift(); step; step = queue.shift()) {
        addOutcome(report, await runStep(this.gateway, step, target, context));
        onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, worker));
    return report;
  }
}
