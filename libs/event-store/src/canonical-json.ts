/**
 * Canonical JSON: object keys sorted, no whitespace, the value checked on the way.
 * The same string is stored, hashed and re-derived by verify() from what a store returns, so it must
 * round-trip exactly: canonical(JSON.parse(canonical(x))) === canonical(x). That is why everything
 * JSON.stringify would silently drop or change (functions, BigInt, NaN, Map, cycles…) is refused instead.
 */
export class NotJsonSerialisable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export function canonicalJson(value: unknown, path = '$'): string {
  return write(value, path, new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new NotJsonSerialisable(path, `число ${value} не представимо в JSON`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, path, ancestors);
    case 'undefined':
      throw new NotJsonSerialisable(path, 'значение undefined не представимо в JSON');
    case 'bigint':
      throw new NotJsonSerialisable(path, 'BigInt не представим в JSON');
    default:
      throw new NotJsonSerialisable(path, `значение типа ${typeof value} не представимо в JSON`);
  }
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new NotJsonSerialisable(path, 'циклическая ссылка');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return '[' + value.map((item, i) => write(item, `${path}[${i}]`, ancestors)).join(',') + ']';
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new NotJsonSerialisable(path, 'допускаются только простые объекты, массивы и примитивы');
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      // Like JSON.stringify: an absent optional property and one set to undefined mean the same.
      if (item === undefined) continue;
      parts.push(JSON.stringify(key) + ':' + write(item, `${path}.${key}`, ancestors));
    }
    return '{' + parts.join(',') + '}';
  } finally {
    ancestors.delete(value);
  }
}
