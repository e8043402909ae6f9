import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { decideTemplate, ValidationFailed, type Actor, type TemplateEvent } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import type { TemplateDraft } from '@vsoko/plan-import';
import { deterministicEventId } from '@vsoko/workflows/procedure/activities';
import type { Clock } from '../../../infrastructure/clock';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { DistrictAccess } from '../district-access';
import { TemplateLog } from '../template-log';
import { PlanParser } from '../../upload/plan-parser';

export interface PublishRequest {
  districtId: string;
  templateId: string;
  title: string;
  academicYear: string;
  fileName: string;
  bytes: Buffer;
  expectedVersion?: number;
  staffJson?: string;
}

export interface PublishResult {
  templateId: string;
  districtId: string;
  stream: string;
  /** False when the same rows were published again: nothing was appended. */
  recorded: boolean;
  version: number;
  event?: TemplateEvent['type'];
  position?: number;
  rows: TemplateDraft['rows'];
  entries: TemplateDraft['entries'];
  warnings: TemplateDraft['warnings'];
  changes?: Extract<TemplateEvent, { type: 'TemplateRevised' }>['data']['changes'];
}

/** Reads the district's table like a plan and records it as the template's first or next version. */
@Injectable()
export class PublishTemplate {
  constructor(
    private readonly access: DistrictAccess,
    private readonly log: TemplateLog,
    private readonly parser: PlanParser,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish(request: PublishRequest, principal: Principal, actor: Actor): Promise<PublishResult> {
    await this.access.requirePublisher(principal, request.districtId);
    if (request.bytes.length === 0) {
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл шаблона (поле file) или строки (rows)');
    }
    const draft = await this.parser.template(
      {
        districtId: request.districtId,
        templateId: request.templateId,
        academicYear: request.academicYear,
        fileName: request.fileName,
        bytes: request.bytes,
      },
      request.staffJson,
    );
    const history = await this.log.load(request.districtId, request.templateId);
    const events = decideTemplate(
      {
        type: 'PublishTemplate',
        data: {
          templateId: request.templateId,
          districtId: request.districtId,
          title: request.title,
          academicYear: request.academicYear,
          source: draft.source,
          rows: draft.rows,
          unscheduled: draft.unscheduled,
          ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
        },
      },
      history.state,
    );
    const base = {
      templateId: request.templateId,
      districtId: request.districtId,
      stream: history.streamName,
      rows: draft.rows,
      entries: draft.entries,
      warnings: draft.warnings,
    };
    if (events.length === 0) {
      const version = history.state.status === 'published' ? history.state.versions.length : 0;
      return { ...base, recorded: false, version };
    }
    const [event] = events;
    const commandId = `template-publish:${history.streamName}:${history.revision}:${draft.source.sha256}`;
    const result = await this.store.append(
      history.streamName,
      [
        {
          id: deterministicEventId(history.streamName, commandId, 0),
          type: event.type,
          data: event.data,
          metadata: {
            actor,
            occurredAt: this.clock.now().toISOString(),
            correlationId: commandId,
            causationId: commandId,
            // A district's fact: it belongs to no school, and tenant views by school never show it.
            schoolId: '',
            districtId: request.districtId,
          },
        },
      ],
      history.revision < 0 ? 'no_stream' : history.revision,
    );
    return {
      ...base,
      recorded: true,
      version: event.data.version,
      event: event.type,
      position: result.position,
      ...(event.type === 'TemplateRevised' ? { changes: event.data.changes } : {}),
    };
  }
}
