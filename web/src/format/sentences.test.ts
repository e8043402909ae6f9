import { describe, expect, it } from 'vitest';
import { endSentence } from './sentences';

describe('a sentence that ends with initials', () => {
  it('gets one full stop', () => {
    expect(endSentence('Смирнова Е. В.')).toBe('Смирнова Е. В.');
    expect(endSentence('Смирнова Елена Викторовна')).toBe('Смирнова Елена Викторовна.');
    expect(endSentence('протокол № 3 ')).toBe('протокол № 3.');
  });
});
