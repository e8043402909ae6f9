import { describe, expect, it } from 'vitest';
import { personIdOf } from './adoption';

const staff = [
  { personId: 'ivanova.mp', fullName: 'Иванова Мария Петровна' },
  { personId: 'petrov.ai', fullName: 'Петров Андрей Игоревич' },
  { personId: 'petrov.ai-2', fullName: 'Петров  Андрей Игоревич' },
];

describe('the responsible typed at a meeting', () => {
  it('is the staff member of that full name, whatever the spaces and case', () => {
    expect(personIdOf(staff, ' иванова  Мария петровна ')).toBe('ivanova.mp');
  });

  it('stays a name when nobody, or more than one person, is called so', () => {
    expect(personIdOf(staff, 'Сидорова Анна')).toBeUndefined();
    expect(personIdOf(staff, 'Петров Андрей Игоревич')).toBeUndefined();
  });
});
