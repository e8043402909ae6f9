import { Inject, Injectable } from '@nestjs/common';
import { actorOf, canActFor, personAt, personNotFound, type Principal } from '@vsoko/accounts';
import { Forbidden, isAdministrator, type Actor, type Responsible } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type {
  DecisionDocument,
  DecisionRecordDocument,
  ProcedureDocument,
  ReadStore,
} from '@vsoko/projections';
import { READ_STORE } from '../../infrastructure/tokens';

export interface OpenWork {
  personId: string;
  schoolId: string;
  procedures: Array<{
    procedureId: string;
    title: string;
    stage: string;
    window: { from: string; to: string };
    responsible: Responsible;
  }>;
  decisions: Array<{
    decisionId: string;
    /**
     * Set for a decision kept on its procedure (adopted there before decisions were records of their own): it is
     * handed over on the procedure's stream. Absent for a decision record.
     */
    procedureId?: string;
    wording: string;
    status: string;
    due: string | null;
    /** `lead`: the person answers for it; `co-executor`: one of those who help. */
    as: 'lead' | 'co-executor';
    /** Who answers for it now (decisions kept on a procedure have one responsible). */
    responsible?: Responsible;
  }>;
  /** Term check-ins still ahead on the decisions the person leads: they go with the decision. */
  checkIns: Array<{ decisionId: string; dueOn: string }>;
}

/** The administration of the school the caller acts for: director or deputy. */
export function requireAdministration(principal: Principal): { actor: Actor; schoolId: string } {
  const actor = actorOf(principal);
  const schoolId = principal.schoolId;
  if (
    principal.kind !== 'user' ||
    schoolId === undefined ||
    !canActFor(principal, schoolId) ||
    !isAdministrator(actor)
  ) {
    throw new Forbidden(
      'ACTOR_NOT_ALLOWED',
      'Передачу дел проводит администрация школы: директор или заместитель',
    );
  }
  return { actor, schoolId };
}

const OPEN_STAGES = ['scheduled', 'performed', 'analysed', 'discussed', 'following-up'];

/**
 * What a person still answers for at the caller's school, from the read models: open procedures whose
 * responsible is the person, open decisions they lead or co-execute — decision records and the decisions kept on
 * procedures from before decisions were records of their own — and the check-ins ahead on them. Someone
 * who never worked at the school is unknown here (404), whether or not they exist elsewhere.
 */
@Injectable()
export class ListOpenWork {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly handler: DeciderHandler,
  ) {}

  async list(personId: string, principal: Principal): Promise<OpenWork> {
    const { schoolId } = requireAdministration(principal);
    return this.openWork(personId, schoolId);
  }

  async openWork(personId: string, schoolId: string): Promise<OpenWork> {
    await this.requireKnownAt(personId, schoolId);
    const procedures = (
      await this.store.find<ProcedureDocument>('procedures', {
        where: { responsibleKey: personId, schoolId },
        sort: { 'window.from': 1 },
        limit: 5000,
      })
    ).filter((p) => OPEN_STAGES.includes(p.stage));
    const decisions = (
      await this.store.find<DecisionRecordDocument>('decision_records', {
        where: { schoolId, status: { $in: ['open', 'reopened'] } },
        limit: 5000,
      })
    ).filter(
      (d) =>
        d.executors.lead.personId === personId ||
        d.executors.coExecutors.some((c) => c.personId === personId),
    );
    const onProcedures = await this.store.find<DecisionDocument>('decisions', {
      where: { schoolId, responsibleKey: personId, status: { $in: ['open', 'overdue'] } },
      sort: { deadline: 1 },
      limit: 5000,
    });
    const checkIns = decisions
      .filter((d) => d.executors.lead.personId === personId)
      .flatMap((d) => {
        const planned = d.deadline.parsed.kind === 'year' ? d.deadline.parsed.checkIns : [];
        const done = new Set(d.checkIns.map((c) => c.dueOn));
        return planned
          .filter((dueOn) => !done.has(dueOn))
          .map((dueOn) => ({ decisionId: d.decisionId, dueOn }));
      });
    return {
      personId,
      schoolId,
      procedures: procedures.map((p) => ({
        procedureId: p._id,
        title: p.title,
        stage: p.stage,
        window: p.window,
        responsible: p.responsible,
      })),
      decisions: [
        ...decisions.map((d) => ({
          decisionId: d.decisionId,
          wording: d.wording,
          status: d.status,
          due: d.due,
          as: d.executors.lead.personId === personId ? ('lead' as const) : ('co-executor' as const),
        })),
        ...onProcedures.map((d) => ({
          decisionId: d.decisionId,
          procedureId: d.procedureId,
          wording: d.wording,
          status: d.status,
          due: d.deadline,
          as: 'lead' as const,
          responsible: d.responsible,
        })),
      ],
      checkIns,
    };
  }

  /** The person holds or held a position at the school (their stream says so), or is unknown. */
  async requireKnownAt(
    personId: string,
    schoolId: string,
  ): Promise<{ fullName: string; active: boolean; holdsHere: boolean }> {
    const known = await personAt(this.handler, personId, schoolId);
    if (known === null) throw personNotFound(personId);
    return known;
  }
}
