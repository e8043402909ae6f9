import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  templateDecider,
  templateStreamName,
  ValidationFailed,
  type Actor,
  type TemplateEvent,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { TemplateDraft } from '@vsoko/plan-import';
import type { Clock } from '../../../infrastructure/clock';
import { CLOCK } from '../../../infrastructure/tokens';
import { DistrictAccess } from '../district-access';
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
    private readonly handler: DeciderHandler,
    private readonly parser: PlanParser,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish(request: PublishRequest, principal: Principal, actor: Actor): Promise<PublishResult> {
    await this.access.requirePublisher(principal, request.districtId, { administrators: true });
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
    const streamName = templateStreamName(request.districtId, request.templateId);
    const handled = await this.handler.handle(
      streamName,
      templateDecider,
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
      (loaded) => {
        const commandId = `template-publish:${streamName}:${loaded.revision}:${draft.source.sha256}`;
        return {
          commandId,
          actor,
          issuedAt: this.clock.now().toISOString(),
          correlationId: commandId,
          causationId: commandId,
          // A district's fact: it belongs to no school, and tenant views by school never show it.
          schoolId: '',
          districtId: request.districtId,
        };
      },
    );
    const base = {
      templateId: request.templateId,
      districtId: request.districtId,
      stream: streamName,
      rows: draft.rows,
      entries: draft.entries,
      warnings: draft.warnings,
    };
    const [event] = handled.events;
    if (!event || handled.replayed) {
      const version = handled.state.status === 'published' ? handled.state.versions.length : 0;
      return { ...base, recorded: false, version };
    }
    return {
      ...base,
      recorded: true,
      version: event.data.version,
      event: event.type,
      position: handled.position,
      ...(event.type === 'TemplateRevised' ? { changes: event.data.changes } : {}),
    };
  }
}
