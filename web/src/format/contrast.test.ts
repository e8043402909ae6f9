import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { TAG_COLOURS } from './StatusTag';

describe('status colours', () => {
  it('measures contrast as WCAG does: black on white is 21, equal colours 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // Ant Design's preset «success» tag: green text on pale green, the colour axe-core refused.
    expect(contrastRatio('#52c41a', '#f6ffed')).toBeLessThan(4.5);
  });

  it.each(Object.entries(TAG_COLOURS))('gives the %s tag text AA contrast on its background', (_, c) => {
    expect(contrastRatio(c.color, c.background)).toBeGreaterThanOrEqual(4.5);
  });
});
