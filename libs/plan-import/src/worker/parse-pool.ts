import { boundedPool, workerFile, type BoundedPool } from '@vsoko/worker-pool';
import type { PreviewInput } from '../preview/build-preview';
import type { PlanPreview } from '../preview/types';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../readers/limits';
import type { TemplateDraft, TemplateInput } from '../templates/build-template';
import type { StaffList } from '../staff-list/read-staff-list';
import type { DecisionsReportPreview } from '../decisions/read-report';
import type { DecisionsReportInput, ParseResult, ParseTask } from './parse-task';

export interface ParsePoolOptions {
  limits?: UploadLimits;
  /** Threads parsing at once; more uploads wait in the queue. */
  threads?: number;
  /** Uploads that may wait for a thread; more are refused as «busy» rather than piling up in memory. */
  queue?: number;
  /** Heap of one parsing thread: a file that needs more fails alone, the API goes on. */
  heapMb?: number;
  /** A parse that takes longer is stopped (its thread is ended). */
  timeoutMs?: number;
}

/**
 * Plan and template files are read in worker threads, never on the API's event loop: a slow or hostile file
 * (a huge table, a decompression bomb that got past the zip checks) costs one thread with a capped heap and a
 * time limit, while every other request is answered. One thread is kept warm, so the first upload does not
 * pay for starting it.
 */
export class PlanParsePool {
  private readonly pool: BoundedPool<ParseTask, string>;
  readonly limits: UploadLimits;

  constructor(options: ParsePoolOptions = {}) {
    this.limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
    this.pool = boundedPool({
      filename: workerFile(__filename, 'parse-task'),
      bounds: {
        threads: options.threads ?? 1,
        warmThreads: 1,
        queue: options.queue ?? 16,
        heapMb: options.heapMb ?? 192,
        timeoutMs: options.timeoutMs ?? 60_000,
      },
      refusals: {
        tooComplex: {
          code: 'UPLOAD_TOO_COMPLEX',
          message: 'Файл слишком велик или сложен для разбора: разделите его на несколько файлов',
        },
        busy: {
          code: 'UPLOAD_QUEUE_FULL',
          message: 'Сейчас разбирается много файлов: повторите загрузку через минуту',
        },
      },
    });
  }

  async preview(
    input: Omit<PreviewInput, 'directory' | 'onProgress' | 'limits'>,
    staffJson?: string,
  ): Promise<PlanPreview> {
    return this.run<PlanPreview>({ kind: 'preview', input: { ...input, limits: this.limits }, staffJson });
  }

  async template(
    input: Omit<TemplateInput, 'directory' | 'limits'>,
    staffJson?: string,
  ): Promise<TemplateDraft> {
    return this.run<TemplateDraft>({ kind: 'template', input: { ...input, limits: this.limits }, staffJson });
  }

  /** A staff list (ФИО, должность, предметы, классы, e-mail), read within the same bounds as a plan. */
  async staffList(input: { schoolId: string; fileName: string; bytes: Buffer }): Promise<StaffList> {
    return this.run<StaffList>({ kind: 'staff-list', input: { ...input, limits: this.limits } });
  }

  /** A school's report of the meetings and decisions it adopted before vsoko: every row accounted for. */
  async decisionsReport(
    input: Omit<DecisionsReportInput, 'limits'>,
    staffJson?: string,
  ): Promise<DecisionsReportPreview> {
    return this.run<DecisionsReportPreview>({
      kind: 'decisions-report',
      input: { ...input, limits: this.limits },
      staffJson,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** The thread answers JSON text of its outcome (see parse-task.ts). */
  private run<T>(task: ParseTask): Promise<T> {
    return this.pool.run(task, (text) => JSON.parse(text) as ParseResult<T>);
  }
}
