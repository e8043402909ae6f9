import { Inject, Injectable } from '@nestjs/common';
import { canRead, type Principal } from '@vsoko/accounts';
import type { BlobStore } from '@vsoko/blob-store';
import { DOCUMENT_KIND_INFO, DOCUMENT_KINDS, defaultTemplate } from '@vsoko/documents';
import { NotFound, Unavailable } from '@vsoko/domain';
import { BLOB_STORE } from '../../infrastructure/tokens';
import { kindOf, SchoolTemplates } from './school-templates';

/**
 * GET /schools/:schoolId/document-templates — which template each document uses (the school's own or the
 * default) and the fields a template may name; GET …/:kind.docx gives the template file itself, to edit.
 */
@Injectable()
export class ListTemplates {
  constructor(
    private readonly templates: SchoolTemplates,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async list(schoolId: string, principal: Principal) {
    this.requireReader(principal, schoolId);
    const { state } = await this.templates.load(schoolId);
    return {
      schoolId,
      documents: DOCUMENT_KINDS.map((kind) => {
        const own = state.templates[kind];
        return {
          kind,
          title: DOCUMENT_KIND_INFO[kind].title,
          source: own ? ('school' as const) : ('default' as const),
          ...(own ? { template: own } : {}),
          fields: DOCUMENT_KIND_INFO[kind].fields,
        };
      }),
    };
  }

  async file(schoolId: string, kindName: string, principal: Principal): Promise<Buffer> {
    this.requireReader(principal, schoolId);
    const kind = kindOf(kindName);
    const { state } = await this.templates.load(schoolId);
    const own = state.templates[kind];
    if (!own) return defaultTemplate(kind);
    const bytes = await this.blobs.get(own.sha256);
    if (!bytes)
      throw new Unavailable('TEMPLATE_FILE_MISSING', `Файл шаблона «${own.fileName}» не найден в хранилище`);
    return bytes;
  }

  private requireReader(principal: Principal, schoolId: string): void {
    if (!canRead(principal, schoolId)) throw new NotFound('SCHOOL_NOT_FOUND', `Школа ${schoolId} не найдена`);
  }
}
