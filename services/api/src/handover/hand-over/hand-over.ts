import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  decisionDecider,
  decisionStreamName,
  ValidationFailed,
  VsokoError,
  type CommandContext,
  type Executors,
  type Responsible,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { ProcedureClient } from '@vsoko/workflows/procedure/client';
import { DecisionUseCases } from '../../decisions/use-cases/decision-use-cases';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { ListOpenWork, requireAdministration } from '../list-open-work/list-open-work';

export interface HandOverOutcome {
  from: string;
  to: string;
  procedures: Array<{ procedureId: string; eventTypes: string[] }>;
  /** `procedureId` for a decision kept on its procedure (reassigned there: ProcedureDecisionReassigned). */
  decisions: Array<{ decisionId: string; procedureId?: string; eventTypes: string[] }>;
  /** Items that could not be handed over (changed meanwhile, closed …), with the reason; the rest were. */
  failed: Array<{
    kind: 'procedure' | 'decision';
    id: string;
    procedureId?: string;
    code: string;
    message: string;
  }>;
  position: number;
}

/**
 * Hands over everything a person answers for at the school, in one step: each open procedure through its
 * workflow (ReassignProcedure), each open decision record on its stream (ReassignDecision; its check-ins go with
 * it), each open decision kept on a procedure through that procedure's workflow (ReassignProcedureDecision), each
 * an event with the reason and this handover's correlation id. Command ids derive from that id and the
 * item, so a retried handover records nothing twice.
 */
@Injectable()
export class HandOver {
  constructor(
    private readonly openWork: ListOpenWork,
    private readonly procedures: ProcedureClient,
    private readonly decisions: DecisionUseCases,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async handOver(
    from: string,
    body: { to: string; reason: string },
    principal: Principal,
    request: { idempotencyKey?: string; correlationId?: string },
  ): Promise<HandOverOutcome> {
    const { actor, schoolId } = requireAdministration(principal);
    if (body.to === from)
      throw new ValidationFailed('HANDOVER_TO_SELF', 'Дела передаются другому сотруднику');
    const successor = await this.openWork.requireKnownAt(body.to, schoolId);
    if (!successor.active || !successor.holdsHere) {
      throw new ValidationFailed(
        'SUCCESSOR_NOT_ACTIVE',
        `${successor.fullName} сейчас не работает в этой школе: передать дела можно действующему сотруднику`,
      );
    }
    const work = await this.openWork.openWork(from, schoolId);
    const handoverId = request.idempotencyKey ?? this.ids.next();
    const ctxOf = (item: string): CommandContext => {
      const commandId = `handover:${handoverId}:${item}`;
      return {
        commandId,
        actor,
        issuedAt: this.clock.now().toISOString(),
        correlationId: request.correlationId ?? `handover-${handoverId}`,
        causationId: commandId,
        schoolId,
      };
    };
    const to = (previous: Responsible): Responsible => ({
      ...(previous.role !== undefined ? { role: previous.role } : {}),
      personId: body.to,
      name: successor.fullName,
    });
    const outcome: HandOverOutcome = {
      from,
      to: body.to,
      procedures: [],
      decisions: [],
      failed: [],
      position: 0,
    };
    for (const p of work.procedures) {
      try {
        const done = await this.procedures.execute(p.procedureId, {
          command: {
            type: 'ReassignProcedure',
            data: { procedureId: p.procedureId, responsible: to(p.responsible), reason: body.reason },
          },
          context: ctxOf(`procedure:${p.procedureId}`),
        });
        outcome.procedures.push({ procedureId: p.procedureId, eventTypes: done.eventTypes });
        outcome.position = Math.max(outcome.position, done.position);
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        outcome.failed.push({ kind: 'procedure', id: p.procedureId, code: e.code, message: e.message });
      }
    }
    for (const d of work.decisions) {
      if (d.procedureId !== undefined) {
        await this.onProcedure(d.procedureId, d.decisionId, d.responsible, body.reason, to, ctxOf, outcome);
        continue;
      }
      try {
        const { state } = await this.handler.load(decisionStreamName(d.decisionId), decisionDecider);
        if (state.status !== 'open' && state.status !== 'reopened') continue;
        const swap = (r: Responsible) => (r.personId === from ? to(r) : r);
        const coExecutors = state.executors.coExecutors
          .map(swap)
          .filter((c, i, all) => all.findIndex((o) => o.personId === c.personId && o.name === c.name) === i);
        const executors: Executors = { ...state.executors, lead: swap(state.executors.lead), coExecutors };
        const done = await this.decisions.change(
          d.decisionId,
          { type: 'ReassignDecision', data: { decisionId: d.decisionId, executors, reason: body.reason } },
          ctxOf(`decision:${d.decisionId}`),
        );
        outcome.decisions.push({ decisionId: d.decisionId, eventTypes: done.eventTypes });
        outcome.position = Math.max(outcome.position, done.position);
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        outcome.failed.push({ kind: 'decision', id: d.decisionId, code: e.code, message: e.message });
      }
    }
    return outcome;
  }

  /** A decision adopted on its procedure: reassigned by the procedure's workflow, where the decision lives. */
  private async onProcedure(
    procedureId: string,
    decisionId: string,
    previous: Responsible | undefined,
    reason: string,
    to: (previous: Responsible) => Responsible,
    ctxOf: (item: string) => CommandContext,
    outcome: HandOverOutcome,
  ): Promise<void> {
    try {
      const done = await this.procedures.execute(procedureId, {
        command: {
          type: 'ReassignProcedureDecision',
          data: { procedureId, decisionId, responsible: to(previous ?? { name: '' }), reason },
        },
        context: ctxOf(`procedure-decision:${procedureId}:${decisionId}`),
      });
      outcome.decisions.push({ decisionId, procedureId, eventTypes: done.eventTypes });
      outcome.position = Math.max(outcome.position, done.position);
    } catch (e) {
      if (!(e instanceof VsokoError)) throw e;
      outcome.failed.push({
        kind: 'decision',
        id: decisionId,
        procedureId,
        code: e.code,
        message: e.message,
      });
    }
  }
}
