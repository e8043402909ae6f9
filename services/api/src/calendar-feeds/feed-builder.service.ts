import { Inject, Injectable } from '@nestjs/common';
import { entriesOf, renderFeed, type CalendarEntry } from '@vsoko/calendar';
import { procedureDecider, procedureStreamName, type ProcedureState, DEFAULT_TIME_ZONE } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { procedureProjection, type ProcedureDocument, type ReadStore } from '@vsoko/projections';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, READ_STORE } from '../infrastructure/tokens';

/** A school's plan is a few hundred procedures at most; a larger answer means a wrong filter. */
const MAX_PROCEDURES = 2000;

/**
 * Outbound feeds: the school's procedures come from the procedures read model; each one's windows and
 * decision deadlines are folded from its stream with the domain's own `evolve`, so the feed shows exactly
 * what the log says, including extensions and cancellations, without waiting for a decisions read model.
 */
@Injectable()
export class FeedBuilderService {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async schoolFeed(schoolId: string): Promise<string> {
    const { entries, timeZone } = await this.entries(schoolId);
    return renderFeed({ name: `ВСОКО: ${schoolId}`, timeZone, generatedAt: this.clock.now() }, entries);
  }

  async personFeed(schoolId: string, personId: string): Promise<string> {
    const { entries, timeZone } = await this.entries(schoolId);
    const mine = entries.filter((e) => e.responsible.personId === personId);
    return renderFeed(
      { name: `ВСОКО: мои сроки (${personId})`, timeZone, generatedAt: this.clock.now() },
      mine,
    );
  }

  private async entries(schoolId: string): Promise<{ entries: CalendarEntry[]; timeZone: string }> {
    const docs = await this.readStore.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId },
      limit: MAX_PROCEDURES,
    });
    const entries: CalendarEntry[] = [];
    for (const doc of docs) entries.push(...entriesOf(await this.fold(doc._id)));
    entries.sort((a, b) => a.from.localeCompare(b.from) || a.uid.localeCompare(b.uid));
    return { entries, timeZone: docs[0]?.timeZone ?? DEFAULT_TIME_ZONE };
  }

  private async fold(procedureId: string): Promise<ProcedureState> {
    return (await this.handler.load(procedureStreamName(procedureId), procedureDecider)).state;
  }
}
