import { xlsxOf } from '../../../../test/fixtures/plans/build-files';
import { buildTemplate } from './build-template';
import { templateProcedureId } from './template-ids';

const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'];
const VPR = [
  HEADER,
  ['1', 'ВПР по математике, 4 класс', 'апрель', 'Заместитель директора по УВР', 'Аналитическая справка'],
  ['2', 'ВПР по русскому языку, 4 класс', 'апрель', 'Заместитель директора по УВР', 'Аналитическая справка'],
  ['3', 'Анализ результатов ВПР', 'по графику', 'Руководители ШМО', 'Протокол'],
];

const template = async (table: string[][]) =>
  buildTemplate({
    districtId: 'district-1',
    templateId: 'vpr',
    academicYear: '2030/31',
    fileName: 'vpr.xlsx',
    bytes: await xlsxOf(table),
  });

describe('a district template read from a real Excel file', () => {
  it('gives each procedure row a short key, and keeps the row without a date as unscheduled', async () => {
    const t = await template(VPR);
    expect(t.rows.map((r) => [r.title, r.window.from])).toEqual([
      ['ВПР по математике, 4 класс', '2031-04-01'],
      ['ВПР по русскому языку, 4 класс', '2031-04-01'],
    ]);
    expect(t.rows.every((r) => /^r-[0-9a-f]{12}$/.test(r.rowKey))).toBe(true);
    expect(t.unscheduled).toEqual([expect.objectContaining({ sourceRow: 4, code: 'DEADLINE_NEEDS_DATE' })]);
    expect(t.entries[1].rowKeys).toEqual([t.rows[0].rowKey]);
  });

  it('keeps a row’s key when the district moves it to another month, and changes it with the wording', async () => {
    const before = await template(VPR);
    const moved = VPR.map((r) => [...r]);
    moved[1][2] = 'май';
    moved[2][1] = 'ВПР по русскому языку, 5 класс';
    const after = await template(moved);
    expect(after.rows[0]).toMatchObject({ rowKey: before.rows[0].rowKey, window: { from: '2031-05-01' } });
    expect(after.rows[1].rowKey).not.toBe(before.rows[1].rowKey);
  });

  it('derives a different procedure for each school from the same row', () => {
    const a = templateProcedureId('school-1', '2030/31', 'district-1', 'vpr', 'r-1');
    expect(a).toMatch(/^pl-[0-9a-f]{24}$/);
    expect(templateProcedureId('school-1', '2030/31', 'district-1', 'vpr', 'r-1')).toBe(a);
    expect(templateProcedureId('school-2', '2030/31', 'district-1', 'vpr', 'r-1')).not.toBe(a);
  });
});
