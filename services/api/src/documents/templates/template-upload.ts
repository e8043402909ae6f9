import { PayloadTooLarge } from '@vsoko/domain';
import { BoundedUpload } from '../../shared/bounded-upload';

/** The one `file` of a Word template, buffered within DocumentsModule's `boundedUploads`. */
export const TemplateUpload = () =>
  BoundedUpload(
    ({ maxBytes }) =>
      new PayloadTooLarge(
        'UPLOAD_TOO_LARGE',
        `Файл шаблона больше ${Math.round(maxBytes / 1024 / 1024)} МБ: уменьшите его (уберите картинки)`,
        { maxBytes },
      ),
  );
