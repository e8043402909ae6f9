import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  DEFAULT_TIME_ZONE,
  diffPlan,
  localDateOf,
  partOfPlan,
  pastRows,
  schoolSettingsDecider,
  schoolStreamName,
  ValidationFailed,
  type DateWindow,
  type PlanChanges,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { PlanPreview } from '@vsoko/plan-import';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { requirePlannerOf } from '../plan-access';
import { PlanLog } from '../plan-log';
import { PlanParser } from '../upload/plan-parser';
import { ImportStore } from './import-store';

export interface PreviewRequest {
  schoolId: string;
  /** As the caller named it; without it the plan's heading names the year, else `defaultAcademicYear`. */
  academicYear?: string;
  defaultAcademicYear: string;
  fileName: string;
  bytes: Buffer;
  staffJson?: string;
}

export type PreviewResponse = PlanPreview & {
  planRevision: number;
  changes: PlanChanges;
  /** New rows whose window has already ended: the approval asks what became of them. */
  pastWindows: Array<{ procedureId: string; sourceRow: number; title: string; window: DateWindow }>;
};

/** Step one: what the file would become and what it would change in the approved plan. Writes no event. */
@Injectable()
export class PreviewImport {
  constructor(
    private readonly imports: ImportStore,
    private readonly log: PlanLog,
    private readonly parser: PlanParser,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(request: PreviewRequest, principal: Principal): Promise<PreviewResponse> {
    const actor = requirePlannerOf(principal, request.schoolId);
    if (request.bytes.length === 0)
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл плана (поле file)');
    // The school's calendars, so «по итогам I четверти» or «в каникулы» mean its own terms and holidays.
    const settings = await this.handler.load(schoolStreamName(request.schoolId), schoolSettingsDecider);
    const calendars = Object.fromEntries(
      Object.entries(settings.state.calendars ?? {}).map(([year, c]) => [year, c.calendar]),
    );
    const built = await this.parser.preview(
      {
        calendars,
        schoolId: request.schoolId,
        ...(request.academicYear ? { academicYear: request.academicYear } : {}),
        defaultAcademicYear: request.defaultAcademicYear,
        fileName: request.fileName,
        bytes: request.bytes,
      },
      request.staffJson,
    );
    // buildPreview names the preview by its content; the stored one gets an unguessable id of its own.
    const importId = await this.imports.save(built.importId, {
      preview: built,
      uploadedBy: actor,
      uploadedAt: this.clock.now().toISOString(),
    });
    const preview = { ...built, importId };
    const history = await this.log.load(request.schoolId, built.academicYear);
    const changes = diffPlan(partOfPlan(history.state.procedures, undefined), preview.procedures);
    const today = localDateOf(this.clock.now().getTime(), DEFAULT_TIME_ZONE);
    return {
      ...preview,
      planRevision: history.revision,
      changes,
      pastWindows: pastRows(preview.procedures, changes.added, today).map((p) => ({
        procedureId: p.procedureId,
        sourceRow: p.sourceRow,
        title: p.title,
        window: p.window,
      })),
    };
  }
}
