import { defaultTemplate } from './default-templates';
import { DOCUMENT_KINDS } from './kinds';
import { renderDocx } from './render';
import { SAMPLE_DATA } from './samples';
import { schoolHeading } from './school-heading';
import { docxText } from './testing/docx-text';

describe("a document's heading names the school and its district", () => {
  it('takes the names the directory holds', () => {
    expect(
      schoolHeading('school-7', {
        school: { name: 'МБОУ «Ильинская СОШ»' },
        district: { name: 'Ильинский муниципальный район' },
      }),
    ).toEqual({ school: 'МБОУ «Ильинская СОШ»', district: 'Ильинский муниципальный район' });
  });

  it('a school the directory does not know is written by its id; an unknown district leaves its line empty', () => {
    expect(schoolHeading('school-7', { school: null, district: null })).toEqual({
      school: 'school-7',
      district: '',
    });
    expect(schoolHeading('school-7', { school: { name: '  ' } })).toEqual({
      school: 'school-7',
      district: '',
    });
  });

  it.each(DOCUMENT_KINDS)(
    'the committed %s template prints the school by name, never an id',
    async (kind) => {
      const data = { ...SAMPLE_DATA[kind], school: 'МБОУ «Ильинская СОШ»', district: 'Ильинский район' };
      const text = await docxText(renderDocx(defaultTemplate(kind), data));
      expect(text).toContain('МБОУ «Ильинская СОШ»');
      if (kind === 'decisions-report') {
        // As seed 002 heads it: «Анализ использования … (ВСОКО) в МБОУ «Ильинская СОШ»».
        expect(text).toContain('в МБОУ «Ильинская СОШ»');
      } else {
        expect(text.split('\n').slice(0, 2)).toEqual(['Ильинский район', 'МБОУ «Ильинская СОШ»']);
      }
    },
  );
});
