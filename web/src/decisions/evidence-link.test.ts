import { describe, expect, it } from 'vitest';
import { evidenceLinkProblem } from './evidence-link';

describe('a link given as evidence', () => {
  it('takes http and https addresses', () => {
    expect(evidenceLinkProblem(' https://school.example/docs/prikaz-112.pdf ')).toBeUndefined();
    expect(evidenceLinkProblem('http://disk.yandex.ru/d/AbC')).toBeUndefined();
  });

  it('refuses other schemes, spaces and empty input, in Russian', () => {
    expect(evidenceLinkProblem('javascript:alert(1)')).toBe(
      'Ссылка на подтверждение — адрес http:// или https://',
    );
    expect(evidenceLinkProblem('file:///etc/passwd')).toBe(
      'Ссылка на подтверждение — адрес http:// или https://',
    );
    expect(evidenceLinkProblem('https://school.example/приказ 112')).toMatch(/http/);
    expect(evidenceLinkProblem('  ')).toBe('Вставьте адрес ссылки');
    expect(evidenceLinkProblem(`https://a.example/${'x'.repeat(2000)}`)).toBe('Ссылка — до 2000 символов');
  });
});
