import { DEFAULT_DIRECTORY } from '../staff/directory';
import { executorsFromText } from './executors';

const read = (text: string) => executorsFromText(text, DEFAULT_DIRECTORY);

describe('responsible cells of seed 002', () => {
  it('one role leads alone', () => {
    expect(read('Зам.директора по УВР ')).toEqual({
      lead: { role: 'deputy', name: 'Заместитель директора' },
      coExecutors: [],
      asWritten: 'Зам.директора по УВР',
    });
  });

  it('several roles: the first leads, the others co-execute, the cell kept as written', () => {
    expect(read('Руководители ШМО, классные руководители, учителя-предметники')).toEqual({
      lead: { role: 'smo-head', name: 'Руководитель ШМО' },
      coExecutors: [
        { role: 'class-teacher', name: 'Классный руководитель' },
        { role: 'teacher', name: 'Учитель' },
      ],
      asWritten: 'Руководители ШМО, классные руководители, учителя-предметники',
    });
  });

  it('a role written on two lines and an abbreviation no role explains', () => {
    const executors = read('Зам.директора по УВР \n\n руководители ШМО, кл.руководители');
    expect(executors?.lead).toEqual({ role: 'deputy', name: 'Заместитель директора' });
    expect(executors?.coExecutors.map((c) => c.role ?? c.name)).toEqual(['smo-head', 'кл.руководители']);
    expect(executors?.asWritten).toBe('Зам.директора по УВР руководители ШМО, кл.руководители');
  });

  it('«Администрация» leads as the administration; a blank cell has no one', () => {
    expect(read('Администрация ')?.lead).toEqual({ role: 'administration', name: 'Администрация' });
    expect(read('  ')).toBeNull();
  });
});
