import { PayloadTooLarge } from '@vsoko/domain';

/** How much of an uploaded plan the readers accept; configured in the API (see README, «Безопасность»). */
export interface UploadLimits {
  /** Bytes of the file as uploaded. */
  maxBytes: number;
  /** Bytes a .docx or .xlsx (a zip) may expand to, all its parts together. */
  maxExpandedBytes: number;
  /** Parts (zip entries) a .docx or .xlsx may have. */
  maxEntries: number;
}

const MiB = 1024 * 1024;

/**
 * A school's yearly plan is tens of kilobytes in Word and expands to a few megabytes at most (seed 000: 60 kB →
 * 1.1 MB); a Word or Excel file has a few dozen parts. The defaults leave room for ten times that, and keep a
 * decompression bomb far below what would hurt the API.
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 10 * MiB,
  maxExpandedBytes: 32 * MiB,
  maxEntries: 1000,
};

const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} МБ`;

export function fileTooLarge(limits: UploadLimits): PayloadTooLarge {
  return new PayloadTooLarge(
    'UPLOAD_TOO_LARGE',
    `Файл больше ${megabytes(limits.maxBytes)}: загрузите файл меньшего размера`,
    { maxBytes: limits.maxBytes },
  );
}

export function expandsTooMuch(limits: UploadLimits, expandedBytes: number): PayloadTooLarge {
  return new PayloadTooLarge(
    'UPLOAD_EXPANDS_TOO_MUCH',
    `Файл распаковывается больше чем в ${megabytes(limits.maxExpandedBytes)}: это не похоже на план, список или отчёт школы`,
    { maxExpandedBytes: limits.maxExpandedBytes, expandedBytes },
  );
}

export function tooManyEntries(limits: UploadLimits, entries: number): PayloadTooLarge {
  return new PayloadTooLarge(
    'UPLOAD_TOO_MANY_ENTRIES',
    `В файле ${entries} частей, допускается не больше ${limits.maxEntries}: это не похоже на план, список или отчёт школы`,
    { maxEntries: limits.maxEntries, entries },
  );
}
