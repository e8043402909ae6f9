import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '@vsoko/plan-import';
import { boundedPool, workerFile, type BoundedPool } from '@vsoko/worker-pool';
import type { DocumentKind } from '../kinds';
import type { RenderResult, RenderTask } from './render-task';

export interface RenderPoolOptions {
  /** Bounds of a school's own template (a .docx is a zip): the same as a plan upload's by default. */
  limits?: UploadLimits;
  threads?: number;
  queue?: number;
  heapMb?: number;
  timeoutMs?: number;
}

/**
 * Word documents are filled in worker threads, never on the API's event loop: a long report or a school's
 * heavy template costs one thread with a capped heap and a time limit while every other request is answered.
 */
export class DocumentRenderPool {
  private readonly pool: BoundedPool<RenderTask, RenderResult>;
  readonly limits: UploadLimits;

  constructor(options: RenderPoolOptions = {}) {
    this.limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
    this.pool = boundedPool({
      filename: workerFile(__filename, 'render-task'),
      bounds: {
        threads: options.threads ?? 1,
        warmThreads: 0,
        queue: options.queue ?? 32,
        heapMb: options.heapMb ?? 192,
        timeoutMs: options.timeoutMs ?? 60_000,
      },
      refusals: {
        tooComplex: {
          code: 'TEMPLATE_TOO_COMPLEX',
          message: 'Документ слишком велик или шаблон слишком сложен: упростите шаблон',
        },
        busy: {
          code: 'DOCUMENTS_BUSY',
          message: 'Сейчас формируется много документов: повторите через минуту',
        },
      },
    });
  }

  /** The document's bytes, from the school's template or (none given) the committed default. */
  async render(document: DocumentKind, data: object, template?: Buffer): Promise<Buffer> {
    const task: RenderTask = {
      kind: 'render',
      document,
      data,
      ...(template ? { template: new Uint8Array(template) } : {}),
    };
    const { bytes } = await this.pool.run(task, (result) => result);
    return Buffer.from(bytes!);
  }

  /** Checks a school's template (bounded, known fields only, renders once); answers the fields it uses. */
  async check(document: DocumentKind, template: Buffer): Promise<string[]> {
    const task: RenderTask = {
      kind: 'check',
      document,
      template: new Uint8Array(template),
      limits: this.limits,
    };
    const { fields } = await this.pool.run(task, (result) => result);
    return [...(fields ?? [])];
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
