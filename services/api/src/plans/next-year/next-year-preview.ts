import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  copyPlanToNextYear,
  DEFAULT_TIME_ZONE,
  diffPlan,
  DomainRuleViolation,
  localDateOf,
  nextAcademicYear,
  partOfPlan,
  pastRows,
  schoolSettingsDecider,
  schoolStreamName,
  ValidationFailed,
  workingDaysOf,
  type LastYearOutcome,
  type NextYearRow,
  type PlannedProcedure,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import {
  parseDeadline,
  periodCalendarFor,
  planProcedureId,
  type PlanPreview,
  type PreviewEntry,
} from '@vsoko/plan-import';
import { procedureProjection, type ProcedureDocument } from '@vsoko/projections';
import { createHash } from 'node:crypto';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ReadModelReader } from '../../read-models/read-model-reader';
import { requirePlannerOf } from '../plan-access';
import { PlanLog } from '../plan-log';
import { ImportStore } from '../preview/import-store';
import type { PreviewResponse } from '../preview/preview-import';

export type NextYearPreviewResponse = PreviewResponse & {
  nextYear: {
    fromYear: string;
    fromRevision: number;
    calendarApplied: boolean;
    templateRowsLeftOut: number;
    flagged: number;
    rows: Array<
      Omit<NextYearRow, 'procedure'> & {
        procedureId: string;
        title: string;
        window: NextYearRow['procedure']['window'];
        predecessorId: string;
      }
    >;
  };
};

/** `key#ordinal` → the same procedure id a file import of next year's plan gives the same row. */
function idOfRow(schoolId: string) {
  return (rowKey: string, academicYear: string) => {
    const at = rowKey.lastIndexOf('#');
    const ordinal = at > 0 ? Number(rowKey.slice(at + 1)) : NaN;
    return Number.isInteger(ordinal)
      ? planProcedureId(schoolId, academicYear, rowKey.slice(0, at), ordinal)
      : planProcedureId(schoolId, academicYear, rowKey, 0);
  };
}

/**
 * «по итогам I четверти» read again in next year's calendar (the school's, else the shipped default): the row's
 * occurrence of the period, with the preview's note. Without a calendar the dates are carried by weekdays.
 */
function periodsIn(calendar: Parameters<typeof parseDeadline>[2]) {
  if (!calendar) return undefined;
  return (p: PlannedProcedure, academicYear: string) => {
    const read = parseDeadline(p.periodPhrase!, academicYear, calendar);
    if (read.kind === 'needs-date' || read.kind === 'whole-year' || !read.period) return undefined;
    const window = read.windows[p.occurrence.index - 1];
    return window && read.windows.length === p.occurrence.of ? { window, note: read.period.note } : undefined;
  };
}

/**
 * POST /plans/next-year — this year's approved plan as next year's, for review: the school's own rows with their
 * dates carried to the same months and weekdays, the school's calendar for next year applied when it has one,
 * rows worth a second look flagged, each row linked to the procedure it continues. Stored as a preview under a
 * random import id and approved like any file: POST /plans/imports/:id/approve. Writes no event.
 */
@Injectable()
export class NextYearPreview {
  constructor(
    private readonly log: PlanLog,
    private readonly imports: ImportStore,
    private readonly reader: ReadModelReader,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(schoolId: string, fromYear: string, principal: Principal): Promise<NextYearPreviewResponse> {
    const actor = requirePlannerOf(principal, schoolId);
    const nextYear = nextAcademicYear(fromYear);
    if (!nextYear)
      throw new ValidationFailed('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2025/26»');
    const current = await this.log.load(schoolId, fromYear);
    if (current.revision < 0 || current.state.procedures.length === 0) {
      throw new DomainRuleViolation(
        'PLAN_NOT_APPROVED',
        `План ВСОКО на ${fromYear} учебный год не утверждён: копировать на следующий год нечего`,
      );
    }
    const documents = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId, academicYear: fromYear },
    });
    const outcomes = new Map<string, LastYearOutcome>(
      documents.map((d) => [
        d._id,
        {
          status: d.stage,
          window: d.window,
          ...(d.status === 'cancelled' ? { cancellationReason: d.cancellationReason } : {}),
        },
      ]),
    );
    const settings = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    const calendar = settings.state.calendars?.[nextYear]?.calendar;
    const copied = copyPlanToNextYear({
      schoolId,
      fromYear,
      procedures: current.state.procedures,
      outcomes,
      workingDays: calendar
        ? workingDaysOf([calendar], settings.state.reminders?.dayOffPolicy ?? 'next-working-day')
        : null,
      procedureIdOf: idOfRow(schoolId),
      periodWindowOf: periodsIn(periodCalendarFor(nextYear, calendar)),
    });
    if (copied.rows.length === 0) {
      throw new ValidationFailed(
        'PLAN_HAS_NO_OWN_ROWS',
        'В плане школы только строки шаблонов района: следующий год берите из нового шаблона района',
      );
    }
    const procedures = copied.rows.map((r) => r.procedure);
    const entries: PreviewEntry[] = copied.rows.map((r, i) => ({
      row: i + 1,
      location: `строка ${r.procedure.sourceRow} плана ${fromYear}`,
      became: 'procedure',
      text: r.procedure.title,
      direction: r.procedure.direction,
      window: r.procedure.window,
      procedureIds: [r.procedure.procedureId],
      warnings: r.flags.map((f) => ({ row: i + 1, code: f.code, message: f.message })),
    }));
    const warnings = entries.flatMap((e) => e.warnings);
    const sha256 = createHash('sha256').update(JSON.stringify(procedures)).digest('hex');
    const built: PlanPreview = {
      importId: '',
      schoolId,
      academicYear: copied.academicYear,
      academicYearFrom: 'request',
      source: {
        fileName: `План ВСОКО ${fromYear} (утверждённый, версия ${current.revision})`,
        format: 'plan',
        sha256,
        rows: procedures.length,
      },
      layout: 'next-year',
      entries,
      procedures,
      warnings,
      summary: {
        procedure: procedures.length,
        section: 0,
        header: 0,
        empty: 0,
        warning: 0,
        procedures: procedures.length,
        warnings: warnings.length,
      },
    };
    const importId = await this.imports.save(`next-year:${schoolId}:${fromYear}:${sha256}`, {
      preview: built,
      uploadedBy: actor,
      uploadedAt: this.clock.now().toISOString(),
    });
    const target = await this.log.load(schoolId, copied.academicYear);
    const changes = diffPlan(partOfPlan(target.state.procedures, undefined), procedures);
    const today = localDateOf(this.clock.now().getTime(), DEFAULT_TIME_ZONE);
    return {
      ...built,
      importId,
      planRevision: target.revision,
      changes,
      pastWindows: pastRows(procedures, changes.added, today).map((p) => ({
        procedureId: p.procedureId,
        sourceRow: p.sourceRow,
        title: p.title,
        window: p.window,
      })),
      nextYear: {
        fromYear,
        fromRevision: current.revision,
        calendarApplied: copied.calendarApplied,
        templateRowsLeftOut: copied.templateRowsLeftOut,
        flagged: copied.rows.filter((r) => r.flags.length > 0).length,
        rows: copied.rows.map(({ procedure, ...r }) => ({
          procedureId: procedure.procedureId,
          title: procedure.title,
          window: procedure.window,
          predecessorId: procedure.predecessor!.procedureId,
          ...r,
        })),
      },
    };
  }
}
