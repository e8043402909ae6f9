import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@vsoko/accounts';
import {
  personDecider,
  personStreamName,
  VsokoError,
  type Authority,
  type CommandContext,
  type PersonCommand,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { headerKey } from '../../shared/request-context';
import { requireDirectorOf } from '../preview-staff-import/preview-staff-import';
import { StaffImportStore } from '../shared/staff-import-store';

export interface StaffApproval {
  importId: string;
  registered: number;
  assigned: number;
  /** Events written in all: 0 when the same list was approved before. */
  events: number;
  position: number;
  failed: Array<{ rowNumber: number; fullName: string; code: string; message: string }>;
  /** Persons registered or given positions, for the next step (invitations). */
  people: string[];
}

/**
 * Step two: each person of the preview is registered and given the positions the file names, on their own
 * stream through the organisation's commands, in the name of the school's director. Command ids come from the
 * import, the person and the assignment, and the organisation's decider records nothing that already holds: the
 * same file approved twice, or an approval repeated after a failure, writes no event twice. Positions the file no
 * longer names are not removed: leaving is a decision with a reason (handing over, docs/adr/0013).
 */
@Injectable()
export class ApproveStaffImport {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly store: StaffImportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async approve(importId: string, principal: Principal, correlationId?: string): Promise<StaffApproval> {
    const { preview } = await this.store.getFor(importId, principal);
    const schoolId = preview.schoolId;
    requireDirectorOf(principal, schoolId);
    const authority: Authority = { kind: 'director', schoolId };
    const actor = actorOf(principal);
    const result: StaffApproval = {
      importId,
      registered: 0,
      assigned: 0,
      events: 0,
      position: 0,
      failed: [],
      people: [],
    };
    const correlation = headerKey(correlationId, 'X-Correlation-Id') ?? `staff-import-${importId}`;
    for (const row of preview.rows) {
      if (row.status === 'error' || !row.login) continue;
      const login = row.login;
      const ctxOf = (step: string): CommandContext => {
        const commandId = `${importId}:${login}:${step}`;
        return {
          commandId,
          actor,
          issuedAt: this.clock.now().toISOString(),
          correlationId: correlation,
          causationId: commandId,
          schoolId,
        };
      };
      const run = async (step: string, command: PersonCommand) => {
        const handled = await this.handler.handle(
          personStreamName(login),
          personDecider,
          command,
          ctxOf(step),
        );
        if (!handled.replayed) result.events += handled.events.length;
        result.position = Math.max(result.position, handled.position);
        return handled;
      };
      try {
        const { state } = await this.handler.load(personStreamName(login), personDecider);
        let touched = false;
        if (state.status === 'unregistered') {
          const registered = await run('register', {
            type: 'RegisterPerson',
            data: {
              personId: login,
              fullName: row.fullName,
              ...(row.email ? { email: row.email } : {}),
              authority,
            },
          });
          if (registered.events.length > 0) result.registered++;
          touched = true;
        }
        for (const p of row.positions) {
          if (p.status === 'skipped') continue;
          const assigned = await run(`assign:${p.assignmentId}`, {
            type: 'AssignPosition',
            data: {
              personId: login,
              authority,
              holding: {
                position: p.position,
                schoolId,
                ...(p.className ? { className: p.className } : {}),
                ...(p.association ? { association: p.association } : {}),
                ...(p.subjects ? { subjects: p.subjects } : {}),
              },
            },
          });
          if (assigned.events.length > 0 && !assigned.replayed) {
            result.assigned++;
            touched = true;
          }
        }
        if (touched) result.people.push(login);
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        result.failed.push({
          rowNumber: row.rowNumber,
          fullName: row.fullName,
          code: e.code,
          message: e.message,
        });
      }
    }
    return result;
  }
}
