import PizZip from 'pizzip';
import { defaultTemplate } from './default-templates';
import { DOCUMENT_KINDS } from './kinds';
import { ooxmlProblems } from './ooxml';
import { checkTemplate, renderDocx } from './render';
import { SAMPLE_DATA } from './samples';
import { docxText, templateOf } from './testing/docx-text';

/** The same package with one part's text changed. */
function edited(bytes: Buffer, part: string, change: (xml: string) => string): Buffer {
  const zip = new PizZip(bytes);
  zip.file(part, change(zip.file(part)!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

const sample = () => renderDocx(defaultTemplate('meeting-protocol'), SAMPLE_DATA['meeting-protocol']);

describe('every document opens in Word: a valid OOXML package', () => {
  it.each(DOCUMENT_KINDS)(
    'the %s, filled, empty and with text pasted from Word, has no fault',
    async (kind) => {
      const template = defaultTemplate(kind);
      const empty = {
        ...SAMPLE_DATA[kind],
        decisions: [],
        rows: [],
        figures: [],
        findings: [],
        measures: [],
        dynamics: [],
        agenda: [],
        items: [],
        attendees: [],
      };
      // Shift+Enter (U+000B) and a stray U+0001 in a wording, as copied out of a Word table.
      const pasted = { ...SAMPLE_DATA[kind], school: 'МБОУ\u000B«Ильинская СОШ»\u0001' };
      for (const data of [SAMPLE_DATA[kind], empty, pasted]) {
        const bytes = renderDocx(template, data);
        expect(ooxmlProblems(bytes)).toEqual([]);
        // …and a DOCX reader reads it.
        expect((await docxText(bytes)).length).toBeGreaterThan(0);
      }
      // Shift+Enter stays a line break (mammoth's plain text leaves w:br out), the stray character is gone.
      const xml = new PizZip(renderDocx(template, pasted)).file('word/document.xml')!.asText();
      expect(xml).toMatch(
        /МБОУ<\/w:t><\/w:r><w:r><w:br\/><\/w:r>(?:(?!<w:t)[\s\S])*<w:t[^>]*>«Ильинская СОШ»<\/w:t>/,
      );
      expect(xml).not.toContain('\u0001');
    },
  );

  it('finds a table cell without a paragraph, a row without cells, a table without rows', () => {
    const noParagraph = edited(sample(), 'word/document.xml', (xml) =>
      xml.replace(
        /(<w:tc>(?:(?!<\/w:tc>)[\s\S])*?)<w:p[ >][\s\S]*?<\/w:p>((?:(?!<w:p[ >])[\s\S])*?<\/w:tc>)/,
        '$1$2',
      ),
    );
    expect(ooxmlProblems(noParagraph)).toEqual([expect.stringContaining('w:tc без w:p')]);
    const noRows = edited(sample(), 'word/document.xml', (xml) =>
      xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, ''),
    );
    expect(ooxmlProblems(noRows)).toEqual([expect.stringContaining('w:tbl без w:tr')]);
    const noCells = edited(sample(), 'word/document.xml', (xml) =>
      xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, ''),
    );
    expect(ooxmlProblems(noCells)).toEqual(
      expect.arrayContaining([expect.stringContaining('w:tr без w:tc')]),
    );
  });

  it('finds broken XML, a forbidden character, a part without a content type, a dangling relationship', () => {
    expect(
      ooxmlProblems(edited(sample(), 'word/document.xml', (xml) => xml.replace('</w:body>', ''))),
    ).toEqual([expect.stringContaining('word/document.xml: XML нарушен')]);
    expect(
      ooxmlProblems(edited(sample(), 'word/document.xml', (xml) => xml.replace('ПРОТОКОЛ', 'ПРОТО&#1;КОЛ'))),
    ).toEqual(['word/document.xml: недопустимый в XML управляющий символ']);
    const extra = new PizZip(sample());
    extra.file('word/extra.bin', 'x');
    expect(ooxmlProblems(extra.generate({ type: 'nodebuffer' }))).toEqual([
      'word/extra.bin: нет типа содержимого в [Content_Types].xml',
    ]);
    const dangling = edited(sample(), 'word/_rels/document.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        '<Relationship Id="rX" Type="t" Target="media/nothing.png"/></Relationships>',
      ),
    );
    expect(ooxmlProblems(dangling)).toEqual([
      'word/_rels/document.xml.rels: ссылка на отсутствующую часть media/nothing.png',
    ]);
    expect(ooxmlProblems(Buffer.from('не zip'))).toEqual(['файл не является архивом OOXML (zip)']);
  });

  it("refuses a school's template whose filled document Word would not open", async () => {
    const own = await templateOf(['ПРОТОКОЛ № {number}']);
    const broken = edited(own, 'word/_rels/document.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        '<Relationship Id="rX" Type="t" Target="media/logo.png"/></Relationships>',
      ),
    );
    expect(() => checkTemplate('meeting-protocol', broken, SAMPLE_DATA['meeting-protocol'])).toThrow(
      expect.objectContaining({
        code: 'TEMPLATE_INVALID',
        message: expect.stringContaining('Word не откроет'),
      }),
    );
    expect(checkTemplate('meeting-protocol', own, SAMPLE_DATA['meeting-protocol'])).toEqual(['number']);
  });
});
