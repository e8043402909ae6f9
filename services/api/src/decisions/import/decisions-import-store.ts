import { Inject, Injectable } from '@nestjs/common';
import { canActFor, type Principal } from '@vsoko/accounts';
import { NotFound, type Actor } from '@vsoko/domain';
import type { Db } from 'mongodb';
import { importIdFor } from '../../shared/import-ids';
import { READ_DB } from '../../infrastructure/tokens';
import type { DecisionsImportPreview } from './decisions-import-preview';

export interface StoredDecisionsImport {
  _id: string;
  preview: DecisionsImportPreview;
  uploadedBy: Actor;
  uploadedAt: string;
}

export const DECISIONS_IMPORT_ID = /^dimp-[0-9a-f]{24}$/;

/**
 * Previews of a school's decisions report wait here for approval, under 96 random bits: an import id is a
 * capability, like a plan import's, so it is never derived from the file. The same report of the same school
 * and year finds the same id again through `decision_import_keys` (both lookups by `_id`, which FerretDB
 * indexes).
 */
@Injectable()
export class DecisionsImportStore {
  constructor(@Inject(READ_DB) private readonly db: Db) {}

  async save(contentKey: string, doc: Omit<StoredDecisionsImport, '_id'>): Promise<string> {
    const importId = await importIdFor(this.db, 'decision_import_keys', 'dimp', contentKey);
    const preview = { ...doc.preview, importId };
    await this.collection().replaceOne({ _id: importId }, { ...doc, preview }, { upsert: true });
    return importId;
  }

  /** Only for a caller who may act for its school; to anyone else it does not exist (404 like an unknown id). */
  async getFor(importId: string, principal: Principal): Promise<StoredDecisionsImport> {
    const doc = DECISIONS_IMPORT_ID.test(importId)
      ? await this.collection().findOne({ _id: importId })
      : null;
    if (!doc || !canActFor(principal, doc.preview.schoolId)) {
      throw new NotFound(
        'DECISIONS_IMPORT_NOT_FOUND',
        `Импорт решений ${importId} не найден: загрузите отчёт заново`,
      );
    }
    return doc;
  }

  private collection() {
    return this.db.collection<StoredDecisionsImport>('decision_imports');
  }
}
