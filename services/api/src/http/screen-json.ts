import { ValidationFailed } from '@vsoko/domain';

/** Keys that name an object's prototype chain: a body carrying one is an attack, never data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * C0 control characters other than tab, line feed and carriage return (NUL among them), and UTF-16 surrogates
 * without their pair: nobody types them, and they break storage, exports and mail further on.
 */
const INVALID_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks a parsed JSON body before anything recursive (validation, transformation, logging) touches it:
 * nesting at most `maxDepth` levels, no prototype keys, no invisible control characters or broken UTF-16.
 * The walk keeps its own stack, so a body nested 50,000 levels deep is refused rather than overflowing ours.
 */
export function screenJson(body: unknown, maxDepth: number): void {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (INVALID_TEXT.test(value)) throw invalidText(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      throw new ValidationFailed('BODY_TOO_DEEP', `Тело запроса вложено глубже ${maxDepth} уровней`, {
        maxDepth,
      });
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) {
        throw new ValidationFailed('BODY_KEY_FORBIDDEN', `Поле «${key}» недопустимо в теле запроса`, {
          field: at,
        });
      }
      if (INVALID_TEXT.test(key)) throw invalidText(at);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
}

function invalidText(field: string): ValidationFailed {
  return new ValidationFailed(
    'TEXT_INVALID_CHARACTER',
    `Поле ${field || 'тела запроса'} содержит недопустимые символы (управляющие или повреждённые)`,
    { field },
  );
}
