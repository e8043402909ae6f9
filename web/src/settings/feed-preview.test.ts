import { describe, expect, it } from 'vitest';
import { feedPreview } from './feed-preview';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//vsoko//test//RU',
  'BEGIN:VEVENT',
  'UID:a',
  'DTSTART;VALUE=DATE:20261215',
  'SUMMARY:Срок решения: Провести консультации',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b',
  'DTSTART;VALUE=DATE:20261120',
  'SUMMARY:Прошедшее',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:c',
  'DTSTART:20261203T090000Z',
  'SUMMARY:Мониторинг адаптации',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the preview of a calendar feed', () => {
  it('lists what is ahead, nearest first, and counts it', () => {
    expect(feedPreview(ICS, '2026-12-02')).toEqual({
      total: 2,
      next: [
        { summary: 'Мониторинг адаптации', date: '2026-12-03' },
        { summary: 'Срок решения: Провести консультации', date: '2026-12-15' },
      ],
    });
    expect(feedPreview(ICS, '2026-12-02', 1).next).toHaveLength(1);
  });
});
