import { DomainRuleViolation } from '@vsoko/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import { RUSSIAN_COMMON_PASSWORDS } from './russian-common-passwords';

/**
 * NIST SP 800-63B (§5.1.1.2, and 63B-4 §3.1.1.2) for passwords people choose: at least 8 characters, up to at
 * least 64 (we take 128), every printable character and space allowed, Unicode normalised (NFC) and counted in
 * code points; no composition rules and no forced expiry; refused when it is on a list of passwords known from
 * breaches, a dictionary word of the service, the person's own login or name, or a repetition or sequence.
 * The list ships with the code: the 49 233 most common breached passwords of `@zxcvbn-ts/language-common`
 * (MIT) plus a small committed list of Russian ones (russian-common-passwords.ts), each also checked as typed
 * with the keyboard layout switched (ЙЦУКЕН ↔ QWERTY: «gfhjkm» is «пароль»).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordContext {
  login?: string;
  name?: string;
  email?: string;
}

let known: Set<string> | undefined;

function knownPasswords(): Set<string> {
  if (known) return known;
  known = new Set([...dictionary['passwords-common'], ...RUSSIAN_COMMON_PASSWORDS].map(canonical));
  return known;
}

const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';

/** The same keys pressed in the other layout. */
function switchLayout(text: string): string {
  let out = '';
  for (const ch of text) {
    const latin = LATIN.indexOf(ch);
    const cyrillic = CYRILLIC.indexOf(ch);
    out += latin >= 0 ? CYRILLIC[latin] : cyrillic >= 0 ? LATIN[cyrillic] : ch;
  }
  return out;
}

function canonical(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function refuse(code: string, message: string): never {
  throw new DomainRuleViolation(code, message);
}

/** Nothing but one character, or a run up or down the alphabet, digits or keyboard («aaaaaaaa», «12345678»). */
function isRepetitiveOrSequential(text: string): boolean {
  const chars = [...text];
  if (new Set(chars).size <= 2) return true;
  const steps = chars.slice(1).map((c, i) => c.codePointAt(0)! - chars[i].codePointAt(0)!);
  return steps.every((s) => s === steps[0] && Math.abs(s) === 1);
}

/** Throws a 422 with a Russian message naming what to change; answers the password as it will be hashed. */
export function checkNewPassword(password: string, context: PasswordContext = {}): string {
  const normalized = password.normalize('NFC');
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) {
    refuse(
      'PASSWORD_TOO_SHORT',
      `Пароль слишком короткий: нужно не меньше ${PASSWORD_MIN_LENGTH} символов. Удобно взять фразу из нескольких слов`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    refuse('PASSWORD_TOO_LONG', `Пароль длиннее ${PASSWORD_MAX_LENGTH} символов`);
  }
  if ([...normalized].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    refuse('PASSWORD_INVALID_CHARACTER', 'В пароле есть управляющие символы (перевод строки, табуляция)');
  }
  const lower = canonical(normalized);
  const words = [context.login, context.email?.split('@')[0], ...(context.name ?? '').split(/[\s.]+/)]
    .map((w) => canonical(w ?? '').trim())
    .filter((w) => w.length >= 4);
  // What is left once the login, name and address are taken out: a few characters more is no password.
  const rest = words.reduce((left, w) => left.split(w).join(''), lower);
  if (rest !== lower && rest.replace(/[^\p{L}]/gu, '').length < 4) {
    refuse('PASSWORD_CONTEXT', 'Пароль не должен повторять ваш логин, имя или адрес почты');
  }
  const list = knownPasswords();
  const stripped = lower.replace(/[\d\s!.?_-]+$/u, '');
  if ([lower, switchLayout(lower), stripped, switchLayout(stripped)].some((p) => list.has(p))) {
    refuse(
      'PASSWORD_COMMON',
      'Этот пароль есть в списках утёкших и самых распространённых паролей: придумайте другой',
    );
  }
  if (isRepetitiveOrSequential(lower)) {
    refuse('PASSWORD_REPETITIVE', 'Пароль из повторяющихся или идущих подряд символов легко подобрать');
  }
  return normalized;
}
