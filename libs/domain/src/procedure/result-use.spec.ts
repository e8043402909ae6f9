import { resultUseOf } from './result-use';

describe('how a plan row’s result form says its results are used', () => {
  it.each([
    'Информация на сайт ',
    'Информация на сайт',
    'Информация ',
    'Оформление документации ',
    'Составление списка учащихся «группы риска» ',
    'Список учащихся',
  ])('«%s» ends in a document, without a meeting (seed 000)', (form) => {
    expect(resultUseOf(form)).toBe('document');
  });

  it.each([
    'Справка ',
    'Аналитическая справка',
    'Совет профилактики\nпротоколы',
    'Протоколы ',
    'Выступление на педсовете',
    'Информация на совещании при директоре',
    'Приказ',
    'Отчёт',
    '',
    undefined,
  ])('«%s» goes to a meeting', (form) => {
    expect(resultUseOf(form)).toBe('meeting');
  });
});
