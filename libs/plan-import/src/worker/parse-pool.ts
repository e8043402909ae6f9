import { PayloadTooLarge, Unavailable, vsokoError } from '@vsoko/domain';
import * as path from 'node:path';
import { Piscina } from 'piscina';
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
  private readonly pool: Piscina<ParseTask, string>;
  readonly limits: UploadLimits;
  private readonly timeoutMs: number;

  constructor(options: ParsePoolOptions = {}) {
    this.limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const heapMb = options.heapMb ?? 192;
    const fromSources = __filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: path.join(__dirname, fromSources ? 'entry.js' : 'parse-task.js'),
      minThreads: 1,
      maxThreads: options.threads ?? 1,
      maxQueue: options.queue ?? 16,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
    });
  }

  async preview(
    input: Omit<PreviewInput, 'directory' | 'onProgress' | 'limits'>,
    staffJson?: string,
  ): Promise<PlanPreview> {
    const task: ParseTask = { kind: 'preview', input: { ...input, limits: this.limits }, staffJson };
    return (await this.run(task)) as PlanPreview;
  }

  async template(
    input: Omit<TemplateInput, 'directory' | 'limits'>,
    staffJson?: string,
  ): Promise<TemplateDraft> {
    const task: ParseTask = { kind: 'template', input: { ...input, limits: this.limits }, staffJson };
    return (await this.run(task)) as TemplateDraft;
  }

  /** A staff list (ФИО, должность, предметы, классы, e-mail), read within the same bounds as a plan. */
  async staffList(input: { schoolId: string; fileName: string; bytes: Buffer }): Promise<StaffList> {
    const task: ParseTask = { kind: 'staff-list', input: { ...input, limits: this.limits } };
    return (await this.run(task)) as StaffList;
  }

  /** A school's report of the meetings and decisions it adopted before vsoko: every row accounted for. */
  async decisionsReport(
    input: Omit<DecisionsReportInput, 'limits'>,
    staffJson?: string,
  ): Promise<DecisionsReportPreview> {
    const task: ParseTask = { kind: 'decisions-report', input: { ...input, limits: this.limits }, staffJson };
    return (await this.run(task)) as DecisionsReportPreview;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(
    task: ParseTask,
  ): Promise<PlanPreview | TemplateDraft | StaffList | DecisionsReportPreview> {
    let result: ParseResult<PlanPreview | TemplateDraft | StaffList | DecisionsReportPreview>;
    try {
      const text = await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
      result = JSON.parse(text) as ParseResult<
        PlanPreview | TemplateDraft | StaffList | DecisionsReportPreview
      >;
    } catch (e) {
      throw refusalOf(e);
    }
    if (result.ok) return result.value;
    const { kind, code, message, details } = result.error;
    throw vsokoError(kind, code, message, details);
  }
}

function refusalOf(e: unknown): unknown {
  const { code, name, message } = (e ?? {}) as { code?: string; name?: string; message?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || name === 'AbortError' || name === 'TimeoutError') {
    return new PayloadTooLarge(
      'UPLOAD_TOO_COMPLEX',
      'Файл слишком велик или сложен для разбора: разделите план на несколько файлов',
    );
  }
  if (/queue is at limit/i.test(message ?? '')) {
    return new Unavailable(
      'UPLOAD_QUEUE_FULL',
      'Сейчас разбирается много файлов: повторите загрузку через минуту',
    );
  }
  return e;
}
