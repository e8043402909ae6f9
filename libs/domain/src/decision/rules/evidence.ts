import { requireText } from '../../procedure/rules';
import { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES, type EvidenceRef } from '../values';
import { fail } from './fail';

const SHA256 = /^[0-9a-f]{64}$/;

/** A stored file named by its SHA-256 (of a whitelisted type, within the size limit), or a web link. */
export function requireEvidenceRef(value: EvidenceRef | undefined): EvidenceRef {
  if (value?.kind === 'link') {
    const url = requireText(value.url, 'EVIDENCE_LINK_INVALID', 'Ссылка на подтверждение пуста');
    if (!/^https?:\/\/[^\s]+$/i.test(url)) {
      fail('EVIDENCE_LINK_INVALID', 'Ссылка на подтверждение — адрес http:// или https://');
    }
    return { kind: 'link', url };
  }
  if (value?.kind === 'file') {
    if (!SHA256.test(String(value.sha256)))
      fail('EVIDENCE_HASH_INVALID', 'Файл подтверждения не загружен: нет его SHA-256');
    if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(value.mediaType)) {
      fail(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        'Подтверждение принимается в PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS или TXT',
      );
    }
    if (!Number.isInteger(value.size) || value.size < 1 || value.size > MAX_EVIDENCE_BYTES) {
      fail('EVIDENCE_TOO_LARGE', `Файл подтверждения — не больше ${MAX_EVIDENCE_BYTES / 1024 / 1024} МБ`);
    }
    const fileName = requireText(
      value.fileName,
      'EVIDENCE_FILE_NAME_REQUIRED',
      'У файла подтверждения нет имени',
    );
    return { kind: 'file', sha256: value.sha256, fileName, mediaType: value.mediaType, size: value.size };
  }
  return fail('EVIDENCE_INVALID', 'Подтверждение — загруженный файл или ссылка');
}
