import { oneFullStop } from './full-stop';

const paragraph = (...runs: string[]) =>
  `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

describe('one full stop where a value ending with its own stands before the template’s', () => {
  it('makes two full stops one, in one run or across two', () => {
    expect(oneFullStop(paragraph('Ответственный: Смирнова Е. В..'))).toBe(
      paragraph('Ответственный: Смирнова Е. В.'),
    );
    expect(
      oneFullStop(paragraph('Срок: до 31 декабря 2026 г.', '. Ответственный: Смирнова Е. В.', '.')),
    ).toBe(paragraph('Срок: до 31 декабря 2026 г.', ' Ответственный: Смирнова Е. В.', ''));
  });

  it('leaves an ellipsis, a single full stop and what is not text (attributes, other paragraphs) alone', () => {
    const kept = [
      paragraph('Обсуждение продолжится...'),
      paragraph('Итоги ВПР. Петрову Н. С.'),
      '<w:p><w:r><w:t>Итог…</w:t></w:r></w:p>',
    ].join('');
    expect(oneFullStop(kept)).toBe(kept);
    expect(oneFullStop(`${paragraph('Е. В.')}${paragraph('.')}`)).toBe(
      `${paragraph('Е. В.')}${paragraph('.')}`,
    );
  });
});
