import { ActivityFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import { NOTIFICATIONS_TASK_QUEUE } from '../notifications/definitions';
import type { StaffInvitationActivities, StaffRowActivities } from './activities';
import {
  addInvitationOutcome,
  addRowOutcome,
  emptyStaffReport,
  staffImportProgressQuery,
  type StaffImportInput,
  type StaffImportReport,
} from './definitions';

// A row is a few appends on one person's stream; a worker that died mid-row is retried after this long.
const { applyStaffRow } = proxyActivities<StaffRowActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

// Mail may be down for a while: a few tries, then the invitation is reported failed (the director resends it).
const { inviteStaffMember } = proxyActivities<StaffInvitationActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    maximumInterval: '1 minute',
    backoffCoefficient: 2,
    maximumAttempts: 6,
  },
});

/** People registered at once: a list of 40 in seconds, without crowding the task queues. */
const PARALLEL = 4;

/**
 * The approval of a staff list, durable: each person of the list is registered and given the positions the file
 * names, then — with an address — mailed an invitation to choose a password. A crash of the API or a worker
 * resumes where it stopped; every step is idempotent (command ids from import, person and assignment; an
 * invitation goes to nobody twice). Progress is a query; the outcome is the report.
 */
export async function staffImportWorkflow(input: StaffImportInput): Promise<StaffImportReport> {
  const report = emptyStaffReport(input.importId);
  const total = input.rows.length;
  let done = 0;
  setHandler(staffImportProgressQuery, () => ({ done, total, report }));
  const queue = [...input.rows];
  const lane = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const outcome = await applyStaffRow({
        importId: input.importId,
        schoolId: input.schoolId,
        row,
        context: input.context,
      });
      addRowOutcome(report, outcome);
      if (!outcome.failed) {
        try {
          addInvitationOutcome(
            report,
            await inviteStaffMember({
              importId: input.importId,
              login: row.login,
              ...(input.schoolName ? { schoolName: input.schoolName } : {}),
              context: input.context,
            }),
          );
        } catch (e) {
          if (!(e instanceof ActivityFailure)) throw e;
          addInvitationOutcome(report, {
            login: row.login,
            outcome: 'failed',
            code: 'MAIL_FAILED',
            message:
              'Письмо-приглашение не отправлено: почтовый сервер недоступен. Отправьте приглашение позже',
          });
        }
      }
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, lane));
  return report;
}
