import { isResponsible } from './actors';

/** A plan row given to a role belongs to whoever holds a position answering for it (issue 14). */
describe('isResponsible', () => {
  const classTeachers = { role: 'class-teacher', name: 'Классные руководители' };

  it('a class teacher answers for the class teachers’ rows', () => {
    expect(
      isResponsible(
        { id: 'petrova', kind: 'user', role: 'teacher', answersFor: ['class-teacher', 'teacher'] },
        classTeachers,
      ),
    ).toBe(true);
  });

  it('a librarian, staff like a teacher, does not answer for them', () => {
    expect(
      isResponsible(
        { id: 'orlova', kind: 'user', role: 'teacher', answersFor: ['librarian'] },
        classTeachers,
      ),
    ).toBe(false);
    expect(
      isResponsible(
        { id: 'orlova', kind: 'user', role: 'teacher', answersFor: ['librarian'] },
        { role: 'teacher', name: 'Учителя' },
      ),
    ).toBe(false);
  });

  it('an actor from before positions answers by its one role', () => {
    expect(isResponsible({ id: 'x', kind: 'user', role: 'class-teacher' }, classTeachers)).toBe(true);
  });

  it('a row given to a named person is only theirs', () => {
    const named = { personId: 'petrova', role: 'class-teacher', name: 'Петрова М. С.' };
    expect(isResponsible({ id: 'sidorova', kind: 'user', answersFor: ['class-teacher'] }, named)).toBe(false);
    expect(isResponsible({ id: 'petrova', kind: 'user', answersFor: [] }, named)).toBe(true);
  });
});
