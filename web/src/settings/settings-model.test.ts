import { describe, expect, it } from 'vitest';
import { dayWord, describeReminders, feedAddress, parseDaysBefore } from './settings-model';

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
});
