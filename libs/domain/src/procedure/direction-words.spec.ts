import { directionOfText, directionOfTitle } from './direction-words';

describe('the direction a title names', () => {
  it.each([
    ['ВПР по математике, 4 класс', 'results'],
    ['Всероссийские проверочные работы', 'results'],
    ['Пробный ЕГЭ по русскому языку', 'results'],
    ['Итоговое собеседование (9 кл.)', 'results'],
    ['Срез знаний по физике', 'results'],
    ['Взаимопосещение уроков', 'process'],
    ['Проверка классных журналов', 'process'],
    ['Проверка тетрадей по русскому языку', 'process'],
    ['Опрос родителей о качестве питания', 'satisfaction'],
    ['Анкетирование обучающихся 9-х классов', 'satisfaction'],
    ['Аттестация педагогических работников', 'conditions'],
    ['Проверка оснащённости кабинетов', 'conditions'],
    ['Курсы повышения квалификации', 'conditions'],
    ['Анализ удовлетворённости родителей', 'satisfaction'],
  ])('«%s» → %s', (title, direction) => expect(directionOfTitle(title)).toBe(direction));

  it.each(['Заседание рабочей группы', 'Педсовет', 'Впритык к каникулам', 'Праздник осени'])(
    '«%s» names none',
    (title) => expect(directionOfTitle(title)).toBeUndefined(),
  );

  it('keeps the plan headings as the plan import reads them', () => {
    expect(directionOfText('КАЧЕСТВО УСЛОВИЙ, ОБЕСПЕЧИВАЮЩИХ ОБРАЗОВАТЕЛЬНЫЙ ПРОЦЕСС')).toBe('conditions');
    expect(directionOfText('Качество образовательных результатов')).toBe('results');
    expect(directionOfText('Посещение уроков')).toBeUndefined();
  });
});
