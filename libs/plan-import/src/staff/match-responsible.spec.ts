import { DEFAULT_DIRECTORY } from './directory';
import { directoryFromJson } from './load-directory';
import { matchResponsible, responsibleOf } from './match-responsible';

describe('responsible strings map to roles of the staff directory', () => {
  it.each([
    ['Директор', ['director']],
    ['Заместитель директора по УВР', ['deputy']],
    ['Классные \nруководители', ['class-teacher']],
    ['Руководители ШМО', ['smo-head']],
    ['Директор, классный руководитель', ['director', 'class-teacher']],
    ['Заместители директора по УВР, ВР Руководители МО', ['deputy', 'smo-head']],
  ])('«%s» → %j', (text, roles) => {
    expect(matchResponsible(text, DEFAULT_DIRECTORY)).toMatchObject({ roles, unknown: [] });
  });

  it('reports what it does not know instead of guessing', () => {
    expect(matchResponsible('Дир', DEFAULT_DIRECTORY)).toEqual({ text: 'Дир', roles: [], unknown: ['Дир'] });
    const mixed = matchResponsible('Директор, завхоз', DEFAULT_DIRECTORY);
    expect(mixed).toMatchObject({ roles: ['director'], unknown: ['завхоз'] });
    expect(responsibleOf(mixed)).toEqual({ role: 'director', name: 'Директор, завхоз' });
  });

  it('a school’s JSON file adds roles', () => {
    const directory = directoryFromJson(
      JSON.stringify({ roles: [{ code: 'caretaker', title: 'Завхоз', patterns: ['завхоз'] }] }),
    );
    expect(matchResponsible('Директор, завхоз', directory)).toMatchObject({
      roles: ['director', 'caretaker'],
      unknown: [],
    });
    expect(() => directoryFromJson('{"roles":[{"code":"X"}]}')).toThrow(/Справочник/);
  });
});
