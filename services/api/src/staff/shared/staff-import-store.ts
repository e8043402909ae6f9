import { Inject, Injectable } from '@nestjs/common';
import { canActFor, type Principal } from '@vsoko/accounts';
import { NotFound, type Actor } from '@vsoko/domain';
import type { Db } from 'mongodb';
import { importIdFor } from '../../shared/import-ids';
import { READ_DB } from '../../infrastructure/tokens';
import type { StaffPreview } from './staff-preview';

export interface StoredStaffImport {
  _id: string;
  preview: StaffPreview;
  uploadedBy: Actor;
  uploadedAt: string;
  /** The last approval's workflow (workflows/staff-import), for its progress. */
  approval?: { workflowId: string };
}

/**
 * Staff list previews wait here for approval, under 96 random bits (an import id is a capability, like a plan
 * import's); the same file of the same school finds the same id again through `staff_import_keys`.
 */
@Injectable()
export class StaffImportStore {
  constructor(@Inject(READ_DB) private readonly db: Db) {}

  async save(contentKey: string, doc: Omit<StoredStaffImport, '_id'>): Promise<string> {
    const importId = await importIdFor(this.db, 'staff_import_keys', 'staff', contentKey);
    const preview = { ...doc.preview, importId };
    await this.collection().replaceOne({ _id: importId }, { ...doc, preview }, { upsert: true });
    return importId;
  }

  /** Only for a caller who may act for its school; to anyone else it does not exist. */
  async getFor(importId: string, principal: Principal): Promise<StoredStaffImport> {
    const doc = /^staff-[0-9a-f]{24}$/.test(importId)
      ? await this.collection().findOne({ _id: importId })
      : null;
    if (!doc || !canActFor(principal, doc.preview.schoolId)) {
      throw new NotFound('STAFF_IMPORT_NOT_FOUND', `Импорт ${importId} не найден: загрузите файл заново`);
    }
    return doc;
  }

  async recordApproval(importId: string, workflowId: string): Promise<void> {
    await this.collection().updateOne({ _id: importId }, { $set: { approval: { workflowId } } });
  }

  private collection() {
    return this.db.collection<StoredStaffImport>('staff_imports');
  }
}
