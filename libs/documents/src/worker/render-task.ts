import { ValidationFailed } from '@vsoko/domain';
import { unzipBounded, type UploadLimits } from '@vsoko/plan-import';
import { outcomeOf, type WorkerOutcome } from '@vsoko/worker-pool';
import { defaultTemplate } from '../default-templates';
import type { DocumentKind } from '../kinds';
import { checkTemplate, renderDocx } from '../render';
import { SAMPLE_DATA } from '../samples';

/** What a render is asked, as it crosses to a worker thread: plain data and bytes. */
export type RenderTask =
  | { kind: 'render'; document: DocumentKind; template?: Uint8Array; data: object }
  | { kind: 'check'; document: DocumentKind; template: Uint8Array; limits: UploadLimits };

export type RenderResult = WorkerOutcome<{ bytes?: Uint8Array; fields?: string[] }>;

/**
 * Runs in a worker thread (render-pool.ts). A refusal comes back as data, because an error's class and code do
 * not survive the thread boundary; anything else is thrown and fails the task.
 */
export default function render(task: RenderTask): Promise<RenderResult> {
  return outcomeOf(async () => {
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
      return { fields: checkTemplate(task.document, bytes, SAMPLE_DATA[task.document]) };
    }
    const template = task.template ? Buffer.from(task.template) : defaultTemplate(task.document);
    return { bytes: new Uint8Array(renderDocx(template, task.data)) };
  });
}
