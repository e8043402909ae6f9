import { DEFAULT_TIME_ZONE } from '@vsoko/domain';
import { schoolTimeZone } from './school-time-zone';

describe("the school's time zone for a document about the whole school", () => {
  it('is the zone of the newest record, whichever list it is in', () => {
    const meetings = [{ timeZone: 'Europe/Moscow', _position: 10 }];
    const decisions = [
      { timeZone: 'Asia/Yekaterinburg', _position: 30 },
      { timeZone: 'Europe/Moscow', _position: 20 },
    ];
    expect(schoolTimeZone(meetings, decisions, [])).toBe('Asia/Yekaterinburg');
  });

  it("is the installation's default when the school has recorded nothing", () => {
    expect(schoolTimeZone([], [])).toBe(DEFAULT_TIME_ZONE);
  });
});
