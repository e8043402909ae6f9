import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';

/** The text of a .docx as a reader of Word files sees it (mammoth), paragraphs on their own lines. */
export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.replace(/\n{2,}/g, '\n').trim();
}

/** A school's own template: the given lines as paragraphs of a Word document, fields and all. */
export async function templateOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const plain = (html: string) =>
  html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .trim();

/** The tables of a .docx as a reader of Word files sees them: table → row → cell text (paragraphs joined by \n). */
export async function docxTables(bytes: Buffer): Promise<string[][][]> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return [...value.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => plain(cell)),
    ),
  );
}
