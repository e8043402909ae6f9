import { StreamableFile } from '@nestjs/common';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A generated Word file as a download; the name is ASCII (ids), the Russian one goes in filename*. */
export function docxFile(bytes: Buffer, name: string, russianName: string): StreamableFile {
  return new StreamableFile(bytes, {
    type: DOCX_MEDIA_TYPE,
    disposition: `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(russianName)}`,
    length: bytes.length,
  });
}
