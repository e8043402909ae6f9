import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_KIND_INFO, type DocumentKind } from './kinds';

/**
 * The committed templates: next to the sources (libs/documents/templates), or, in a compiled build that did not
 * copy them, in the repository the process runs from.
 */
function templatesDir(): string {
  const candidates = [
    path.resolve(__dirname, '../templates'),
    path.resolve(__dirname, '../../../../libs/documents/templates'),
    path.resolve(process.cwd(), 'libs/documents/templates'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meeting-protocol.docx')));
  if (!found) throw new Error(`Шаблоны документов не найдены: ${candidates.join(', ')}`);
  return found;
}

const cache = new Map<DocumentKind, Buffer>();

/** The default template of a kind of document, as committed in the repository. */
export function defaultTemplate(kind: DocumentKind): Buffer {
  let bytes = cache.get(kind);
  if (!bytes) {
    bytes = readFileSync(path.join(templatesDir(), DOCUMENT_KIND_INFO[kind].file));
    cache.set(kind, bytes);
  }
  return bytes;
}
