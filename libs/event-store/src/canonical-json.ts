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

/** Thrown inside the walk with the path built on the way out, so a valid value pays nothing for paths. */
class Refused extends Error {
  readonly segments: string[] = [];
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function canonicalJson(value: unknown, root = '$'): string {
  try {
    return write(value, []);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    throw new NotJsonSerialisable(root + error.segments.reverse().join(''), error.reason);
  }
}

function write(value: unknown, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Refused(`число ${value} не представимо в JSON`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value, ancestors);
    case 'undefined':
      throw new Refused('значение undefined не представимо в JSON');
    case 'bigint':
      throw new Refused('BigInt не представим в JSON');
    default:
      throw new Refused(`значение типа ${typeof value} не представимо в JSON`);
  }
}

function enter(value: object, ancestors: object[]): void {
  // Nesting is shallow in practice, so a linear scan beats a Set.
  if (ancestors.includes(value)) throw new Refused('циклическая ссылка');
  ancestors.push(value);
}

function writeArray(value: unknown[], ancestors: object[]): string {
  enter(value, ancestors);
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    try {
      out += write(value[i], ancestors);
    } catch (error) {
      if (error instanceof Refused) error.segments.push(`[${i}]`);
      throw error;
    }
  }
  ancestors.pop();
  return out + ']';
}

function writeObject(value: object, ancestors: object[]): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new Refused('допускаются только простые объекты, массивы и примитивы');
  }
  enter(value, ancestors);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    // Like JSON.stringify: an absent optional property and one set to undefined mean the same.
    if (item === undefined) continue;
    try {
      out += (first ? '' : ',') + JSON.stringify(key) + ':' + write(item, ancestors);
    } catch (error) {
      if (error instanceof Refused) error.segments.push(`.${key}`);
      throw error;
    }
    first = false;
  }
  ancestors.pop();
  return out + '}';
}
