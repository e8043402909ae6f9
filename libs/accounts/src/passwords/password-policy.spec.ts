import { VsokoError } from '@vsoko/domain';
import { checkNewPassword, PASSWORD_MAX_LENGTH } from './password-policy';

function codeOf(password: string, context = {}): string | undefined {
  try {
    checkNewPassword(password, context);
    return undefined;
  } catch (e) {
    if (!(e instanceof VsokoError)) throw e;
    expect(e.message).toMatch(/[а-я]/);
    return e.code;
  }
}

describe('a new password (NIST 800-63B)', () => {
  it('is long enough, counted in characters rather than bytes, and may be long', () => {
    expect(codeOf('k7#Lm2q')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('ёжик в тумане')).toBeUndefined();
    expect(codeOf('лес-река-гора')).toBeUndefined();
    expect(codeOf('x'.repeat(60) + 'тихий вечер у реки'.repeat(3))).toBeUndefined();
    expect(codeOf('пароль ' + 'z'.repeat(PASSWORD_MAX_LENGTH))).toBe('PASSWORD_TOO_LONG');
  });

  it('needs no composition: lower-case words and spaces are fine, and nothing is silently changed', () => {
    expect(codeOf('синий трамвай едет')).toBeUndefined();
    expect(checkNewPassword('Cafe\u0301 au lait 42')).toBe('Café au lait 42');
  });

  it('is refused when it is on the shipped list of breached passwords, in either keyboard layout', () => {
    expect(codeOf('password')).toBe('PASSWORD_COMMON');
    expect(codeOf('12345678')).toBe('PASSWORD_COMMON');
    expect(codeOf('Qwertyuiop')).toBe('PASSWORD_COMMON');
    expect(codeOf('1qaz2wsx')).toBe('PASSWORD_COMMON');
    expect(codeOf('gfhjkm123')).toBe('PASSWORD_COMMON');
    // «пароль» typed on the Latin layout, and «qwerty» typed on the Russian one.
    expect(codeOf('gfhjkmgfhjkm')).toBe('PASSWORD_COMMON');
    expect(codeOf('йцукенгш')).toBe('PASSWORD_COMMON');
    expect(codeOf('football2024!')).toBe('PASSWORD_COMMON');
    expect(codeOf('vsoko-demo')).toBe('PASSWORD_COMMON');
  });

  it('is refused when it repeats a character or runs along the keys', () => {
    expect(codeOf('zzzzzzzzzz')).toBe('PASSWORD_REPETITIVE');
    expect(codeOf('abababababab')).toBe('PASSWORD_REPETITIVE');
    expect(codeOf('абвгдежз')).toBe('PASSWORD_REPETITIVE');
  });

  it('is refused when it is the person’s login, name or mail address', () => {
    const person = { login: 'ivanova.m', name: 'Иванова Мария Петровна', email: 'mivanova@school.ru' };
    expect(codeOf('ivanova.m1', person)).toBe('PASSWORD_CONTEXT');
    expect(codeOf('Петровна2024', person)).toBe('PASSWORD_CONTEXT');
    expect(codeOf('mivanova!!', person)).toBe('PASSWORD_CONTEXT');
    expect(codeOf('Мария Петровна', person)).toBe('PASSWORD_CONTEXT');
    expect(codeOf('Петровна любит осенний лес', person)).toBeUndefined();
  });

  it('refuses control characters', () => {
    expect(codeOf('первая\nвторая строка')).toBe('PASSWORD_INVALID_CHARACTER');
  });
});
