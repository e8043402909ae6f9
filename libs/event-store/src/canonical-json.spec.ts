import fc from 'fast-check';
import { canonicalJson, NotJsonSerialisable } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties, as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'я' }, u: undefined })).toBe(
      '{"a":{"c":"я","d":[true,null]},"b":1}',
    );
  });

  it('is the same text whatever the key order of the input', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
  });

  it('round-trips: parsing it and writing again gives the same text and the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it.each([
    ['a function', { f: () => 1 }, '$.f'],
    ['a BigInt', { n: [BigInt(1)] }, '$.n[0]'],
    ['a symbol', { s: Symbol('s') }, '$.s'],
    ['Infinity', { n: Infinity }, '$.n'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a Map', { m: new Map() }, '$.m'],
    ['a Date', { d: new Date(0) }, '$.d'],
  ])('refuses %s, naming where it is', (_name, value, path) => {
    expect(() => canonicalJson(value)).toThrow(NotJsonSerialisable);
    expect(() => canonicalJson(value)).toThrow(path);
  });

  it('refuses cycles but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('циклическая ссылка');
  });
});
