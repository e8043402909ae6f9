import { describe, expect, it } from 'vitest';
import { dayWord, describeChain, describeReminders, feedAddress, parseDaysBefore } from './settings-model';

describe('settings: reminders and feed links', () => {
  it('reads reminder days as people type them', () => {
    expect(parseDaysBefore('7, 1')).toEqual({ days: [7, 1] });
    expect(parseDaysBefore(' 1;7 3 7 ')).toEqual({ days: [7, 3, 1] });
    expect(parseDaysBefore('')).toEqual({ problem: 'Укажите хотя бы одно напоминание, например «7, 1»' });
    expect(parseDaysBefore('неделя')).toEqual({
      problem: 'Дни — целые числа через запятую, например «7, 3, 1»',
    });
    expect(parseDaysBefore('1 2 3 4 5 6')).toEqual({ problem: 'Не больше пяти напоминаний' });
  });

  it('says the reminders back in Russian with the right form of «день»', () => {
    expect(describeReminders([7, 1])).toBe('за 7 и 1 день до срока');
    expect(describeReminders([14, 7, 3])).toBe('за 14, 7 и 3 дня до срока');
    expect(describeReminders([5])).toBe('за 5 дней до срока');
    expect([1, 2, 5, 11, 21, 22, 25, 111].map(dayWord)).toEqual([
      'день',
      'дня',
      'дней',
      'дней',
      'день',
      'дня',
      'дней',
      'дней',
    ]);
  });

  it('makes a feed address on this server from the path the API gives', () => {
    expect(feedAddress('http://10.0.0.5:3000', '/calendar/people/ivanova.ics?token=abc')).toBe(
      'http://10.0.0.5:3000/calendar/people/ivanova.ics?token=abc',
    );
  });

  it('says the escalation chain as a sentence', () => {
    expect(
      describeChain({
        escalation: [
          { afterDays: 3, to: 'deputy' },
          { afterDays: 1, to: 'responsible' },
          { afterDays: 10, to: 'inspector' },
        ],
        repeatEveryDays: 7,
      }),
    ).toBe(
      'через 1 день — ответственному; через 3 дня — заместителю директора; через 10 дней — инспектору района; затем каждые 7 дней — снова инспектору района, пока не исполнено',
    );
    expect(describeChain({ escalation: [{ afterDays: 0, to: 'director' }], repeatEveryDays: 0 })).toBe(
      'в день срока — директору',
    );
    expect(describeChain({ escalation: [] })).toBe('после срока никому не напоминается');
  });
});
