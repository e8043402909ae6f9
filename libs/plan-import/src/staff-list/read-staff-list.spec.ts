import { STAFF_40, staffCsv, staffXlsx } from '../../../../test/fixtures/staff/staff-list';
import { loginOf } from './logins';
import { readPositions } from './positions-ru';
import { readStaffList } from './read-staff-list';

describe('positions as schools write them', () => {
  const read = (text: string) => readPositions(text).positions.map(({ asWritten: _a, ...p }) => p);

  it('reads subjects after «учитель», in the genitive, to nominative names', () => {
    expect(read('учитель математики, физики')).toEqual([
      { position: 'teacher', subjects: ['математика', 'физика'] },
    ]);
    expect(read('Учитель русского языка и литературы')).toEqual([
      { position: 'teacher', subjects: ['русский язык и литература'] },
    ]);
    expect(read('Учитель ИЗО, технологии')).toEqual([
      { position: 'teacher', subjects: ['изобразительное искусство', 'технология'] },
    ]);
  });

  it('reads a class teacher’s class and a deputy’s area, abbreviated or not', () => {
    expect(read('классный руководитель 5А')).toEqual([{ position: 'class-teacher', className: '5А' }]);
    expect(read('кл. рук. 10 «б»')).toEqual([{ position: 'class-teacher', className: '10Б' }]);
    expect(read('зам. директора по УВР')).toEqual([{ position: 'deputy-academic' }]);
    expect(read('Заместитель директора по ВР')).toEqual([{ position: 'deputy-upbringing' }]);
    expect(read('Зам. директора по АХЧ')).toEqual([{ position: 'deputy-facilities' }]);
    expect(read('заместитель директора по безопасности')).toEqual([{ position: 'deputy-safety' }]);
    expect(read('Директор')).toEqual([{ position: 'director' }]);
  });

  it('splits several positions in one cell', () => {
    expect(read('Учитель математики; классный руководитель 7А')).toEqual([
      { position: 'teacher', subjects: ['математика'] },
      { position: 'class-teacher', className: '7А' },
    ]);
    expect(read('Учитель начальных классов, руководитель ШМО учителей начальных классов')).toEqual([
      { position: 'teacher', subjects: ['начальные классы'] },
      { position: 'smo-head', association: 'ШМО учителей начальных классов' },
    ]);
    expect(read('педагог-психолог')).toEqual([{ position: 'psychologist' }]);
    expect(read('Педагог-библиотекарь')).toEqual([{ position: 'librarian' }]);
    expect(read('социальный педагог')).toEqual([{ position: 'social-pedagogue' }]);
  });

  it('warns of what it cannot read instead of guessing silently', () => {
    expect(readPositions('Дворник').warnings).toEqual([expect.stringContaining('не распознана')]);
    expect(readPositions('учитель черчения').warnings).toEqual([expect.stringContaining('черчения')]);
  });
});

describe('a staff list file', () => {
  it('reads the 40-person XLSX: every person, their positions, warnings per row', async () => {
    const list = await readStaffList({ schoolId: 's', fileName: 'staff.xlsx', bytes: await staffXlsx() });
    expect(list.rows).toHaveLength(40);
    expect(list.rows.filter((r) => r.error)).toEqual([]);
    const ivanova = list.rows.find((r) => r.fullName === 'Иванова Мария Петровна')!;
    expect(ivanova).toMatchObject({
      email: 'ivanova.mp@school7.test',
      positions: [
        { position: 'teacher', subjects: ['начальные классы'] },
        { position: 'class-teacher', className: '1А' },
      ],
    });
    const deputy = list.rows.find((r) => r.fullName.startsWith('Виноградова'))!;
    expect(deputy.positions.map((p) => p.position)).toEqual(['deputy-academic', 'teacher']);
    const noMail = list.rows.find((r) => r.fullName.startsWith('Баранова'))!;
    expect(noMail.warnings).toEqual([expect.stringContaining('Нет адреса почты')]);
    const logoped = list.rows.find((r) => r.fullName.startsWith('Кудрявцева'))!;
    expect(logoped.positions).toEqual([expect.objectContaining({ position: 'teacher' })]);
    const classTeachers = list.rows.flatMap((r) => r.positions.filter((p) => p.position === 'class-teacher'));
    expect(classTeachers.map((p) => p.className).sort()).toEqual(
      ['10А', '11А', '1А', '1Б', '2А', '2Б', '3Б', '4А', '4Б', '5А', '6А', '6Б', '7А', '8А', '9А'].sort(),
    );
  });

  it('reads the same list from a Russian Excel CSV, and the same file twice as the same content', async () => {
    const csv = await readStaffList({ schoolId: 's', fileName: 'staff.csv', bytes: Buffer.from(staffCsv()) });
    expect(csv.rows.map((r) => r.fullName)).toEqual(STAFF_40.map((r) => r.fullName));
    const again = await readStaffList({ schoolId: 's', fileName: 'x.csv', bytes: Buffer.from(staffCsv()) });
    expect(again.contentKey).toBe(csv.contentKey);
  });

  it('refuses a row without a name or a position, and a person listed twice', async () => {
    const rows = [
      ...STAFF_40.slice(0, 2),
      { fullName: 'Соколова Татьяна Петровна', position: 'Учитель истории' },
      { fullName: 'Петров', position: 'Учитель' },
      { fullName: 'Сидоров Пётр Петрович', position: 'Водитель' },
    ];
    const list = await readStaffList({ schoolId: 's', fileName: 'a.xlsx', bytes: await staffXlsx(rows) });
    expect(list.rows.map((r) => r.error)).toEqual([
      undefined,
      undefined,
      expect.stringContaining('Повтор строки'),
      expect.stringContaining('фамилия и имя'),
      expect.stringContaining('не распознана'),
    ]);
  });

  it('refuses a file without a staff table', async () => {
    await expect(
      readStaffList({ schoolId: 's', fileName: 'a.csv', bytes: Buffer.from('Мероприятие;Срок\nВПР;май') }),
    ).rejects.toMatchObject({ code: 'FILE_NOT_A_STAFF_LIST' });
  });

  it('makes logins from names the way school mail systems do', () => {
    expect(loginOf('Иванова Мария Петровна')).toBe('ivanova.mp');
    expect(loginOf('Фёдорова Юлия Олеговна')).toBe('fedorova.io');
    expect(loginOf('Щукин Ян')).toBe('shchukin.i');
  });
});
