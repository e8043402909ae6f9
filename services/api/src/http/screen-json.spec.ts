import { VsokoError } from '@vsoko/domain';
import { screenJson } from './screen-json';

const codeOf = (body: unknown, maxDepth = 8): string | undefined => {
  try {
    screenJson(body, maxDepth);
    return undefined;
  } catch (e) {
    if (e instanceof VsokoError) return e.code;
    throw e;
  }
};

describe('screening a parsed JSON body', () => {
  it('lets ordinary bodies through: text with line breaks, tabs, emoji, numbers, nulls, lists', () => {
    const body = { title: 'ВПР\n\t«4 А» 📐', figures: [{ value: 62, unit: null }], flags: [true, false] };
    expect(codeOf(body)).toBeUndefined();
  });

  it('counts nesting from the body itself, objects and arrays alike', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : { a: [nest(levels - 1)] });
    expect(codeOf(nest(4), 8)).toBeUndefined();
    expect(codeOf(nest(5), 8)).toBe('BODY_TOO_DEEP');
  });

  it('refuses 50,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) as unknown;
    expect(codeOf({ title: deep }, 32)).toBe('BODY_TOO_DEEP');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at any depth', (key) => {
    expect(codeOf(JSON.parse(`{"${key}": {}}`))).toBe('BODY_KEY_FORBIDDEN');
    expect(codeOf(JSON.parse(`{"a": [{"${key}": 1}]}`))).toBe('BODY_KEY_FORBIDDEN');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00'],
    ['a high surrogate at the end', 'a\ud83d'],
  ])('refuses text with %s, in values and in keys', (_what, text) => {
    expect(codeOf({ items: [text] })).toBe('TEXT_INVALID_CHARACTER');
    expect(codeOf({ [text]: 1 })).toBe('TEXT_INVALID_CHARACTER');
  });

  it('names the field that holds the bad text', () => {
    try {
      screenJson({ decisions: [{ wording: 'x\u0000' }] }, 8);
      throw new Error('not refused');
    } catch (e) {
      expect((e as VsokoError).details).toEqual({ field: 'decisions[0].wording' });
    }
  });
});
