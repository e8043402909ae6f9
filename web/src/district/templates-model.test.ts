import { describe, expect, it } from 'vitest';
import {
  changesText,
  latestText,
  pendingText,
  plural,
  rowsText,
  templateIdFrom,
  type SchoolAdoption,
  type TemplatePublication,
} from './templates-model';

const counts = (schools: number, latest: number, older: number) => ({
  schools,
  latest,
  older,
  notAdopted: schools - latest - older,
  byVersion: [],
});

const publication = (version: number, rows: number, changes?: TemplatePublication['changes']) => ({
  version,
  at: '2030-09-01T09:00:00.000Z',
  by: { id: 'inspector-1' },
  title: 'Мониторинг ВПР',
  rows,
  ...(changes ? { changes } : {}),
});

const adoption = (version: number, rows: number): SchoolAdoption => ({
  schoolId: 'school-1',
  name: 'МБОУ «СОШ № 1»',
  version,
  rows,
  adoptedAt: '2030-09-02T09:00:00.000Z',
  adoptedBy: { id: 'director-1' },
  firstAdoptedAt: '2030-09-02T09:00:00.000Z',
  timeZone: 'Europe/Moscow',
  onLatest: true,
});

describe('district templates in words', () => {
  it('says how many schools are on the latest version and who is behind', () => {
    expect(latestText(counts(30, 12, 3))).toBe('12 из 30');
    expect(pendingText(counts(30, 12, 3))).toBe('на прежней версии 3; не приняли 15');
    expect(pendingText(counts(5, 5, 0))).toBe('все школы на последней версии');
    expect(pendingText(counts(4, 0, 0))).toBe('не приняли 4');
    expect(pendingText(counts(0, 0, 0))).toBe('в районе нет школ');
  });

  it('says what a version changed', () => {
    expect(changesText(publication(1, 4))).toBe('первая версия');
    expect(
      changesText(publication(2, 4, { added: 1, rescheduled: 2, cancelled: 1, amended: 0, unchanged: 1 })),
    ).toBe('добавлено 1, перенесено 2, исключено 1');
    expect(
      changesText(publication(3, 4, { added: 0, rescheduled: 0, cancelled: 0, amended: 0, unchanged: 4 })),
    ).toBe('только название');
  });

  it('says which rows of its version a school took', () => {
    const versions = [publication(1, 3), publication(2, 21)];
    expect(rowsText(adoption(1, 3), versions)).toBe('все строки (3)');
    expect(rowsText(adoption(1, 2), versions)).toBe('2 из 3 строк');
    expect(rowsText(adoption(2, 20), versions)).toBe('20 из 21 строки');
    expect([1, 2, 5, 11, 22, 25].map((n) => plural(n, 'школа', 'школы', 'школ'))).toEqual([
      'школа',
      'школы',
      'школ',
      'школ',
      'школы',
      'школ',
    ]);
  });

  it('proposes an id from the title and year, in the characters ids may hold', () => {
    expect(templateIdFrom('Мониторинг ВПР', '2030/31')).toBe('monitoring-vpr-2030-31');
    expect(templateIdFrom('«Оценка условий» (база)', '2030/31')).toBe('ocenka-uslovii-baza-2030-31');
    expect(templateIdFrom('!!!', '2030/31')).toBe('template-2030-31');
    expect(templateIdFrom('Очень длинное название шаблона плана для всех школ района', '2030/31')).toMatch(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
    );
  });
});
