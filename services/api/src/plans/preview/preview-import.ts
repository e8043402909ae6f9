import { Inject, Injectable } from '@nestjs/common';
import {
  diffPlan,
  Forbidden,
  isAdministrator,
  partOfPlan,
  ValidationFailed,
  type Actor,
  type PlanChanges,
} from '@vsoko/domain';
import { buildPreview, directoryFromJson, type PlanPreview } from '@vsoko/plan-import';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { PlanLog } from '../plan-log';
import { ImportStore } from './import-store';

export interface PreviewRequest {
  schoolId: string;
  academicYear: string;
  fileName: string;
  bytes: Buffer;
  staffJson?: string;
}

export type PreviewResponse = PlanPreview & { planRevision: number; changes: PlanChanges };

/** Step one: what the file would become and what it would change in the approved plan. Writes no event. */
@Injectable()
export class PreviewImport {
  constructor(
    private readonly imports: ImportStore,
    private readonly log: PlanLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(request: PreviewRequest, actor: Actor): Promise<PreviewResponse> {
    requirePlanner(actor);
    if (request.bytes.length === 0)
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл плана (поле file)');
    const preview = await buildPreview({
      schoolId: request.schoolId,
      academicYear: request.academicYear,
      fileName: request.fileName,
      bytes: request.bytes,
      directory: directoryFromJson(request.staffJson),
    });
    await this.imports.save({
      _id: preview.importId,
      preview,
      uploadedBy: actor,
      uploadedAt: this.clock.now().toISOString(),
    });
    const history = await this.log.load(request.schoolId, request.academicYear);
    return {
      ...preview,
      planRevision: history.revision,
      changes: diffPlan(partOfPlan(history.state.procedures, undefined), preview.procedures),
    };
  }
}

export function requirePlanner(actor: Actor): void {
  if (!isAdministrator(actor)) {
    throw new Forbidden(
      'ACTOR_NOT_ALLOWED',
      'Импортировать план может только администрация: директор или заместитель',
    );
  }
}
