import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { documentTemplatesDecider, documentTemplatesStreamName } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { kindOf, SchoolTemplates } from './school-templates';

/** DELETE /schools/:schoolId/document-templates/:kind — back to the default template (the file stays stored). */
@Injectable()
export class ResetTemplate {
  constructor(
    private readonly templates: SchoolTemplates,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async reset(
    schoolId: string,
    kindName: string,
    principal: Principal,
    request: Omit<RequestContext, 'actor'>,
  ) {
    const actor = this.templates.requireEditor(principal, schoolId);
    const kind = kindOf(kindName);
    const ctx = commandContext({ ...request, actor }, schoolId, this.clock, this.ids);
    const result = await this.handler.handle(
      documentTemplatesStreamName(schoolId),
      documentTemplatesDecider,
      { type: 'ResetDocumentTemplate', data: { schoolId, kind } },
      ctx,
      { retries: 3 },
    );
    return {
      schoolId,
      kind,
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
    };
  }
}
