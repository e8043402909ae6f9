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

  it('names the decisions a protocol’s correction touched', () => {
    expect(
      readableSummary(
        {
          summary:
            'Протокол исправлен 03.12.2026: присутствовали, решение d1 (срок), решение d7 (ответственный). Причина: опечатки',
          data: { meetingId: 'm1', decisions: [{ decisionId: 'd1' }, { decisionId: 'd7' }] },
        },
        wordings,
      ),
    ).toBe(
      'Протокол исправлен 3 декабря 2026: присутствовали, решение «Провести индивидуальные консультации» (срок), решение (ответственный). Причина: опечатки',
    );
  });

  it('does not quote a wording the sentence quotes already', () => {
    expect(
      readableSummary(
        {
          summary:
            'Принято решение d1 на заседании: «Провести индивидуальные консультации», срок — «до 25.12»',
          data: { decisionId: 'd1' },
        },
        wordings,
      ),
    ).toBe('Принято решение на заседании: «Провести индивидуальные консультации», срок — «до 25.12»');
  });
});
