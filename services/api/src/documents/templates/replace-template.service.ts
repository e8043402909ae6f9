import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import type { BlobStore } from '@vsoko/blob-store';
import { DOCUMENT_KIND_INFO } from '@vsoko/documents';
import { documentTemplatesDecider, documentTemplatesStreamName, ValidationFailed } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { BLOB_STORE, CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { DocumentRenderer } from '../shared/document-renderer';
import { kindOf, SchoolTemplates } from './school-templates';

export interface TemplateUpload {
  schoolId: string;
  kind: string;
  fileName: string;
  bytes: Buffer;
}

/**
 * PUT /schools/:schoolId/document-templates/:kind — a school's own Word template. Checked in the render pool
 * (zip bounded before inflating, only this document's fields, rendered once with sample data), stored once by
 * its SHA-256, then recorded on the school's template stream. A refused file stores and records nothing.
 */
@Injectable()
export class ReplaceTemplate {
  constructor(
    private readonly templates: SchoolTemplates,
    private readonly renderer: DocumentRenderer,
    private readonly handler: DeciderHandler,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async replace(upload: TemplateUpload, principal: Principal, request: Omit<RequestContext, 'actor'>) {
    const actor = this.templates.requireEditor(principal, upload.schoolId);
    const kind = kindOf(upload.kind);
    if (upload.bytes.length === 0)
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл шаблона (поле file)');
    if (!/\.docx$/i.test(upload.fileName)) {
      throw new ValidationFailed('TEMPLATE_INVALID', 'Шаблон принимается только в формате Word (.docx)');
    }
    const fields = await this.renderer.check(kind, upload.bytes);
    const { sha256, size } = await this.blobs.put(upload.bytes);
    const ctx = commandContext({ ...request, actor }, upload.schoolId, this.clock, this.ids);
    const result = await this.handler.handle(
      documentTemplatesStreamName(upload.schoolId),
      documentTemplatesDecider,
      {
        type: 'ReplaceDocumentTemplate',
        data: {
          schoolId: upload.schoolId,
          kind,
          template: { sha256, fileName: upload.fileName, size, fields },
        },
      },
      ctx,
      { retries: 3 },
    );
    return {
      schoolId: upload.schoolId,
      kind,
      title: DOCUMENT_KIND_INFO[kind].title,
      sha256,
      size,
      fields,
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
    };
  }
}
