import { describe, expect, it } from 'vitest';
import { readableSummary } from './readable';

const wordings = new Map([['d1', 'Провести индивидуальные консультации']]);

describe('audit summaries as people read them', () => {
  it('names a decision by its wording and writes dates in words', () => {
    expect(
      readableSummary(
        { summary: 'Решение d1 исполнено 02.12.2026: справка', data: { decisionId: 'd1' } },
        wordings,
      ),
    ).toBe('Решение «Провести индивидуальные консультации» исполнено 2 декабря 2026: справка');
    expect(
      readableSummary(
        {
          summary: 'Срок решения d1 продлён с 01.12.2026 до 15.12.2026: болезнь',
          data: { decisionId: 'd1' },
        },
        wordings,
      ),
    ).toBe(
      'Срок решения «Провести индивидуальные консультации» продлён с 1 декабря 2026 до 15 декабря 2026: болезнь',
    );
  });

  it('drops an id it cannot name rather than show it', () => {
    expect(
      readableSummary({ summary: 'Решение d7 отменено: дублирует', data: { decisionId: 'd7' } }, wordings),
    ).toBe('Решение отменено: дублирует');
  });

  it('leaves other summaries as they are, apart from the dates', () => {
    expect(
      readableSummary({ summary: 'Процедура проведена 03.11.2026 (Смирнова Е. В.)', data: {} }, wordings),
    ).toBe('Процедура проведена 3 ноября 2026 (Смирнова Е. В.)');
  });
});
