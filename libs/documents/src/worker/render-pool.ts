import { PayloadTooLarge, Unavailable, vsokoError } from '@vsoko/domain';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '@vsoko/plan-import';
import * as path from 'node:path';
import { Piscina } from 'piscina';
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
  private readonly pool: Piscina<RenderTask, RenderResult>;
  readonly limits: UploadLimits;
  private readonly timeoutMs: number;

  constructor(options: RenderPoolOptions = {}) {
    this.limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const fromSources = __filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: path.join(__dirname, fromSources ? 'entry.js' : 'render-task.js'),
      minThreads: 0,
      maxThreads: options.threads ?? 1,
      maxQueue: options.queue ?? 32,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 192, maxYoungGenerationSizeMb: 16 },
    });
  }

  /** The document's bytes, from the school's template or (none given) the committed default. */
  async render(document: DocumentKind, data: object, template?: Buffer): Promise<Buffer> {
    const result = await this.run({
      kind: 'render',
      document,
      data,
      ...(template ? { template: new Uint8Array(template) } : {}),
    });
    return Buffer.from(result.bytes!);
  }

  /** Checks a school's template (bounded, known fields only, renders once); answers the fields it uses. */
  async check(document: DocumentKind, template: Buffer): Promise<string[]> {
    const result = await this.run({
      kind: 'check',
      document,
      template: new Uint8Array(template),
      limits: this.limits,
    });
    return [...(result.fields ?? [])];
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(task: RenderTask): Promise<Extract<RenderResult, { ok: true }>> {
    let result: RenderResult;
    try {
      result = await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw refusalOf(e);
    }
    if (result.ok) return result;
    const { kind, code, message, details } = result.error;
    throw vsokoError(kind, code, message, details);
  }
}

function refusalOf(e: unknown): unknown {
  const { code, name, message } = (e ?? {}) as { code?: string; name?: string; message?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || name === 'AbortError' || name === 'TimeoutError') {
    return new PayloadTooLarge(
      'TEMPLATE_TOO_COMPLEX',
      'Документ слишком велик или шаблон слишком сложен: упростите шаблон',
    );
  }
  if (/queue is at limit/i.test(message ?? '')) {
    return new Unavailable('DOCUMENTS_BUSY', 'Сейчас формируется много документов: повторите через минуту');
  }
  return e;
}
