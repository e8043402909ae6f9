import { XMLParser } from 'fast-xml-parser';
import { ValidationFailed } from '@vsoko/domain';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits';
import { cleanCell, type SourceRow } from './source-table';
import { unzipBounded } from './zip';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

/** `<w:tblHeader/>` or `w:val="true|1|on"`: Word's flags are on unless said otherwise. */
const isOn = (node: Node | undefined) =>
  node !== undefined && !['false', '0', 'off'].includes(attr(node, 'w:val') ?? 'true');

const tag = (node: Node) => Object.keys(node).find((k) => k !== ':@') ?? '';
const children = (node: Node) => (node[tag(node)] as Node[] | undefined) ?? [];
const attr = (node: Node, name: string) => node[':@']?.[name];
const find = (nodes: Node[], name: string) => nodes.find((n) => tag(n) === name);

/**
 * The tables of a .docx, read from `word/document.xml`. Horizontally merged cells (gridSpan) keep the columns
 * aligned with empty cells; a vertically merged cell (vMerge) repeats the text above it, because in the plans
 * it is a month or a section that holds for every row it spans. Nested tables are read as their rows.
 */
export async function readDocx(
  buffer: Buffer,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<{ rows: SourceRow[]; heading: string[] }> {
  const unreadable = () => new ValidationFailed('FILE_UNREADABLE', 'Файл не похож на документ Word (.docx)');
  const parts = await unzipBounded(buffer, limits, {
    keep: (name) => name === 'word/document.xml',
    unreadable,
  });
  const xml = parts.get('word/document.xml')?.toString('utf8');
  if (!xml) throw unreadable();
  const body = (parser.parse(xml) as Node[]).flatMap(children).filter((n) => tag(n) === 'w:body');
  const rows: SourceRow[] = [];
  // The paragraphs above the first table: the plan's title, which often names its academic year.
  const heading: string[] = [];
  let tableNo = 0;
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (tag(node) === 'w:tbl') {
        tableNo += 1;
        readTable(node, tableNo, rows);
      } else if (tag(node) !== 'w:p') walk(children(node));
      else if (tableNo === 0) heading.push(cellText({ 'w:tc': [node] }));
    }
  };
  walk(body.flatMap(children));
  return { rows, heading: heading.filter((line) => line !== '') };
}

function readTable(table: Node, tableNo: number, out: SourceRow[]): void {
  const above: string[] = [];
  let local = 0;
  for (const tr of children(table).filter((n) => tag(n) === 'w:tr')) {
    local += 1;
    const trPr = children(find(children(tr), 'w:trPr') ?? { 'w:trPr': [] });
    const cells: string[] = [];
    for (const tc of children(tr).filter((n) => tag(n) === 'w:tc')) {
      const tcPr = children(find(children(tc), 'w:tcPr') ?? { 'w:tcPr': [] });
      const span = Number(attr(find(tcPr, 'w:gridSpan') ?? {}, 'w:val') ?? 1);
      const vMerge = find(tcPr, 'w:vMerge');
      const col = cells.length;
      const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const text = continued ? (above[col] ?? '') : cellText(tc);
      cells.push(text, ...Array<string>(Math.max(0, span - 1)).fill(''));
    }
    cells.forEach((text, i) => (above[i] = text));
    out.push({
      rowNumber: out.length + 1,
      location: `таблица ${tableNo}, строка ${local}`,
      cells,
      ...(isOn(find(trPr, 'w:tblHeader')) ? { repeatedHeader: true } : {}),
    });
  }
}

/** Paragraphs become lines; tabs and breaks inside a paragraph become spaces and line breaks. */
function cellText(tc: Node): string {
  const lines: string[] = [];
  const paragraph = (p: Node) => {
    let line = '';
    const visit = (nodes: Node[]) => {
      for (const n of nodes) {
        const t = tag(n);
        if (t === 'w:t')
          line += children(n)
            .map((c) => String(c['#text'] ?? ''))
            .join('');
        else if (t === 'w:tab') line += ' ';
        else if (t === 'w:br' || t === 'w:cr') line += '\n';
        else if (t === 'w:p') paragraph(n);
        else if (t !== 'w:tbl' && t !== 'w:rPr' && t !== 'w:pPr' && t !== '#text') visit(children(n));
      }
    };
    visit(children(p));
    lines.push(line);
  };
  for (const n of children(tc)) if (tag(n) === 'w:p') paragraph(n);
  return cleanCell(lines.join('\n'));
}
