import { ValidationFailed } from '@vsoko/domain';
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { oneFullStop } from './full-stop';
import { allowedTags, DOCUMENT_KIND_INFO, type DocumentKind } from './kinds';
import { ooxmlProblems } from './ooxml';

const OPTIONS = {
  // `{#decisions}` alone in a paragraph repeats the paragraphs between, not a piece of one.
  paragraphLoop: true,
  // A value with line breaks keeps them (evidence lists, findings written on several lines).
  linebreaks: true,
  // A field the data does not have prints nothing rather than «undefined».
  nullGetter: () => '',
  // A school's broken template is answered with a message; it is no server log's business.
  errorLogging: false,
  // Text pasted from Word or Excel may carry control characters XML forbids; Word would refuse the file.
  stripInvalidXMLChars: true,
};

/**
 * Word's manual line break (Shift+Enter) and page break arrive as U+000B and U+000C in text copied out of Word or
 * Excel: kept as line breaks; any other character XML forbids is dropped by docxtemplater.
 */
function withLineBreaks(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[\v\f]/g, '\n');
  if (Array.isArray(value)) return value.map(withLineBreaks);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLineBreaks(v)]));
  }
  return value;
}

function notATemplate(detail: string): ValidationFailed {
  return new ValidationFailed(
    'TEMPLATE_INVALID',
    `Шаблон не подходит: ${detail}. Нужен документ Word (.docx) с полями в фигурных скобках, например {number}`,
  );
}

function open(template: Buffer, modules: InspectModule[] = []): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw notATemplate('файл не является документом Word (.docx)');
  }
  if (!zip.file('word/document.xml')) throw notATemplate('в файле нет текста документа Word');
  try {
    return new Docxtemplater(zip, { ...OPTIONS, modules });
  } catch (e) {
    throw notATemplate(explain(e));
  }
}

/** docxtemplater's own explanations («The tag beginning with "{numb" is unclosed»), a few at most. */
function explain(e: unknown): string {
  const errors = (e as { properties?: { errors?: unknown[] } }).properties?.errors;
  const list = Array.isArray(errors) ? errors : [e];
  const texts = list
    .slice(0, 3)
    .map((x) => {
      const p = (x as { properties?: { explanation?: string; xtag?: string } }).properties;
      return p?.xtag ? `поле «${p.xtag}» записано неверно (${p.explanation ?? ''})` : (p?.explanation ?? '');
    })
    .filter((t) => t !== '');
  return texts.length > 0 ? texts.join('; ') : 'разметка полей не распознана';
}

/** The parts of a Word file that hold its text: the body, headers, footers, foot- and endnotes. */
const TEXT_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

/**
 * Fills the template with the data and answers the .docx bytes; a value's own full stop before the template's
 * is written once (full-stop.ts).
 */
export function renderDocx(template: Buffer, data: object): Buffer {
  const doc = open(template);
  try {
    doc.render(withLineBreaks(data) as object);
  } catch (e) {
    throw notATemplate(explain(e));
  }
  const zip = doc.getZip();
  for (const part of zip.file(TEXT_PARTS)) zip.file(part.name, oneFullStop(part.asText()));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The names of the fields a template uses, loops and their items alike («decisions», «number» …). */
export function fieldsOf(template: Buffer): { top: string[]; nested: string[] } {
  const inspect = new InspectModule();
  open(template, [inspect]);
  const top = new Set<string>();
  const nested = new Set<string>();
  const walk = (tags: Record<string, unknown>, depth: number) => {
    for (const [name, inner] of Object.entries(tags)) {
      (depth === 0 ? top : nested).add(name);
      if (inner && typeof inner === 'object') walk(inner as Record<string, unknown>, depth + 1);
    }
  };
  walk(inspect.getAllTags(), 0);
  return { top: [...top].sort(), nested: [...nested].sort() };
}

/**
 * A school's own template is accepted when it names only fields this kind of document has (a misspelt field
 * would print nothing, silently) and renders with sample data. Answers the fields it uses.
 */
export function checkTemplate(kind: DocumentKind, template: Buffer, sample: object): string[] {
  const used = fieldsOf(template);
  const allowed = allowedTags(kind);
  const unknown = [
    ...used.top.filter((t) => !allowed.top.has(t)),
    ...used.nested.filter((t) => !allowed.nested.has(t) && !allowed.top.has(t)),
  ];
  if (unknown.length > 0) {
    const known = Object.keys(DOCUMENT_KIND_INFO[kind].fields).join(', ');
    throw new ValidationFailed(
      'TEMPLATE_FIELD_UNKNOWN',
      `В шаблоне «${DOCUMENT_KIND_INFO[kind].title}» поля, которых у этого документа нет: ${unknown
        .map((t) => `{${t}}`)
        .join(', ')}. Доступные поля: ${known}`,
      { unknown },
    );
  }
  if (used.top.length === 0) {
    throw notATemplate('в нём нет ни одного поля');
  }
  const problems = ooxmlProblems(renderDocx(template, sample));
  if (problems.length > 0) {
    throw notATemplate(`заполненный документ Word не откроет (${problems.slice(0, 3).join('; ')})`);
  }
  return used.top;
}
