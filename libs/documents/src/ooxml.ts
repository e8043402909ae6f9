import { XMLValidator } from 'fast-xml-parser';
import * as path from 'node:path';
import PizZip from 'pizzip';

/*
 * What Word needs of a .docx before it opens it without «the file is corrupt»: the package (every part
 * well-formed XML, every part with a content type, every internal relationship pointing at a part that exists)
 * and the few structural rules of WordprocessingML that a filled template can break (a table without rows, a row
 * without cells, a cell without a paragraph). Not a schema validation (that needs the Open XML SDK, .NET); these
 * are the faults a template filled with data can produce.
 */

const XML_PART = /\.(xml|rels)$/i;

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) found[name] = value;
  return found;
}

/** «rels» for «_rels/.rels» too (path.extname takes «.rels» for a hidden file's name). */
const extensionOf = (part: string) => {
  const name = path.posix.basename(part);
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
};

function contentTypeProblems(zip: PizZip, parts: string[]): string[] {
  const types = zip.file('[Content_Types].xml')?.asText() ?? '';
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  for (const [tag] of types.matchAll(/<Default\b[^>]*>/g)) {
    defaults.add((attributes(tag).Extension ?? '').toLowerCase());
  }
  for (const [tag] of types.matchAll(/<Override\b[^>]*>/g)) overrides.add(attributes(tag).PartName ?? '');
  return parts
    .filter((p) => p !== '[Content_Types].xml')
    .filter((p) => !overrides.has(`/${p}`) && !defaults.has(extensionOf(p)))
    .map((p) => `${p}: нет типа содержимого в [Content_Types].xml`);
}

function relationshipProblems(zip: PizZip, parts: Set<string>): string[] {
  const problems: string[] = [];
  for (const rels of [...parts].filter((p) => p.endsWith('.rels'))) {
    // word/_rels/document.xml.rels speaks for word/document.xml: targets are relative to word/.
    const base = path.posix.dirname(path.posix.dirname(rels));
    for (const [tag] of (zip.file(rels)?.asText() ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
      const { Target: target, TargetMode: mode } = attributes(tag);
      if (!target || mode === 'External') continue;
      const resolved = target.startsWith('/')
        ? target.slice(1)
        : path.posix.normalize(path.posix.join(base === '.' ? '' : base, target));
      if (!parts.has(resolved)) problems.push(`${rels}: ссылка на отсутствующую часть ${target}`);
    }
  }
  return problems;
}

/** Tables, rows and cells as Word requires them: a table has a row, a row a cell, a cell a paragraph. */
function wordStructureProblems(part: string, xml: string): string[] {
  const problems: string[] = [];
  const needs: Record<string, string> = { 'w:tbl': 'w:tr', 'w:tr': 'w:tc', 'w:tc': 'w:p' };
  const stack: Array<{ name: string; has: boolean }> = [];
  for (const [, closing, name, , selfClosing] of xml.matchAll(
    /<(\/?)([\w:.-]+)((?:"[^"]*"|[^>"])*?)(\/?)>/g,
  )) {
    if (closing) {
      const open = stack.pop();
      if (open && needs[open.name] && !open.has) {
        problems.push(`${part}: ${open.name} без ${needs[open.name]}: Word сочтёт файл повреждённым`);
      }
      continue;
    }
    // Any depth counts: a content control (w:sdt) or custom XML may wrap a row, a cell or a paragraph.
    for (const open of stack) if (needs[open.name] === name) open.has = true;
    if (!selfClosing) stack.push({ name, has: false });
    else if (needs[name]) problems.push(`${part}: пустой ${name}: Word сочтёт файл повреждённым`);
  }
  return problems;
}

const forbidden = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;

function hasForbiddenCharacter(xml: string): boolean {
  for (let i = 0; i < xml.length; i += 1) if (forbidden(xml.charCodeAt(i))) return true;
  for (const [, hex, digits] of xml.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) {
    if (forbidden(parseInt(digits, hex ? 16 : 10))) return true;
  }
  return false;
}

/** The faults that would keep Word from opening the file; an empty list when there are none. */
export function ooxmlProblems(bytes: Buffer): string[] {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return ['файл не является архивом OOXML (zip)'];
  }
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const problems: string[] = [];
  for (const required of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
    if (!parts.includes(required)) problems.push(`нет обязательной части ${required}`);
  }
  for (const part of parts.filter((p) => XML_PART.test(p))) {
    const xml = zip.file(part)!.asText();
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push(`${part}: XML нарушен (строка ${valid.err.line}): ${valid.err.msg}`);
      continue;
    }
    // XML 1.0 forbids most control characters, even written as references; Word refuses a part that has one.
    if (hasForbiddenCharacter(xml)) problems.push(`${part}: недопустимый в XML управляющий символ`);
    if (part.startsWith('word/') && part.endsWith('.xml')) problems.push(...wordStructureProblems(part, xml));
  }
  problems.push(...contentTypeProblems(zip, parts));
  problems.push(...relationshipProblems(zip, new Set(parts)));
  return problems;
}
