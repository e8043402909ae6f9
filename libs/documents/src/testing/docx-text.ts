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
