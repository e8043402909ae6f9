import { ValidationFailed, VsokoError, type ErrorKind } from '@vsoko/domain';
import { unzipBounded, type UploadLimits } from '@vsoko/plan-import';
import { defaultTemplate } from '../default-templates';
import type { DocumentKind } from '../kinds';
import { checkTemplate, renderDocx } from '../render';
import { SAMPLE_DATA } from '../samples';

/** What a render is asked, as it crosses to a worker thread: plain data and bytes. */
export type RenderTask =
  | { kind: 'render'; document: DocumentKind; template?: Uint8Array; data: object }
  | { kind: 'check'; document: DocumentKind; template: Uint8Array; limits: UploadLimits };

export type RenderResult =
  | { ok: true; bytes?: Uint8Array; fields?: string[] }
  | {
      ok: false;
      error: { kind: ErrorKind; code: string; message: string; details?: Record<string, unknown> };
    };

/**
 * Runs in a worker thread (render-pool.ts). A refusal comes back as data, because an error's class and code do
 * not survive the thread boundary; anything else is thrown and fails the task.
 */
export default async function render(task: RenderTask): Promise<RenderResult> {
  try {
    if (task.kind === 'check') {
      const bytes = Buffer.from(task.template);
      // A .docx is a zip: bounded (entries, declared and actual expansion) before anything inflates it whole.
      await unzipBounded(bytes, task.limits, {
        keep: () => false,
        unreadable: () =>
          new ValidationFailed(
            'TEMPLATE_INVALID',
            'Шаблон не подходит: файл не является документом Word (.docx)',
          ),
      });
      return { ok: true, fields: checkTemplate(task.document, bytes, SAMPLE_DATA[task.document]) };
    }
    const template = task.template ? Buffer.from(task.template) : defaultTemplate(task.document);
    return { ok: true, bytes: new Uint8Array(renderDocx(template, task.data)) };
  } catch (e) {
    if (!(e instanceof VsokoError)) throw e;
    return { ok: false, error: { kind: e.kind, code: e.code, message: e.message, details: e.details } };
  }
}
