import { maskFeedUrl } from './mask-url';

describe('a feed address shown in the list of calendars', () => {
  it('hides Google’s private token and keeps the calendar’s shape', () => {
    expect(
      maskFeedUrl(
        'https://calendar.google.com/calendar/ical/school42%40gmail.com/private-9f8e7d6c5b4a39281706f5e4d3c2b1a0/basic.ics',
      ),
    ).toBe('https://calendar.google.com/calendar/ical/school42%40gmail.com/•••/basic.ics');
  });

  it('hides every query value (Yandex’s private_token) but names the parameters', () => {
    expect(
      maskFeedUrl('https://calendar.yandex.ru/export/ics.xml?private_token=a1b2c3d4e5&tz_id=Europe/Moscow'),
    ).toBe('https://calendar.yandex.ru/export/ics.xml?private_token=•••&tz_id=•••');
  });

  it('hides Outlook’s published-calendar ids and tokens', () => {
    expect(
      maskFeedUrl(
        'https://outlook.office365.com/owa/calendar/4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b@school.ru/8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a12345/calendar.ics',
      ),
    ).toBe('https://outlook.office365.com/owa/calendar/•••/•••/calendar.ics');
  });

  it('drops a user name and password written into the address', () => {
    const shown = maskFeedUrl(
      'https://deputy:s3cret@cloud.school.ru/remote.php/dav/public-calendars/plan?export',
    );
    expect(shown).toBe('https://cloud.school.ru/remote.php/dav/public-calendars/plan?export=•••');
    expect(shown).not.toContain('s3cret');
  });

  it('keeps readable names and answers a mask for what is not an address', () => {
    expect(maskFeedUrl('http://calendar.school.local:8080/feeds/school-2024-2025-plan.ics')).toBe(
      'http://calendar.school.local:8080/feeds/school-2024-2025-plan.ics',
    );
    expect(maskFeedUrl('не адрес')).toBe('•••');
  });
});
