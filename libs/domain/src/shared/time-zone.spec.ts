import fc from 'fast-check';
import {
  addDays,
  addYears,
  atLocalTime,
  endOfLocalDay,
  isTimeZone,
  localDateOf,
  startOfLocalDay,
  toIsoInstant,
} from './time-zone';

const iso = (ms: number) => toIsoInstant(ms);

/** Russia's zones (DST-free since 2014) and zones with DST, midnight transitions, odd offsets, a lost day. */
const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Havana',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const dates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const zones = fc.constantFrom(...ZONES);

describe('end of a school day', () => {
  it('is 18:59:59.999 UTC in Yekaterinburg (UTC+5)', () => {
    expect(iso(endOfLocalDay('2024-03-15', 'Asia/Yekaterinburg'))).toBe('2024-03-15T18:59:59.999Z');
  });

  it('is 20:59:59.999 UTC in Moscow and 13:59:59.999 UTC in Vladivostok', () => {
    expect(iso(endOfLocalDay('2024-05-31', 'Europe/Moscow'))).toBe('2024-05-31T20:59:59.999Z');
    expect(iso(endOfLocalDay('2024-05-31', 'Asia/Vladivostok'))).toBe('2024-05-31T13:59:59.999Z');
  });

  it('follows the offsets Russia had before 2014', () => {
    expect(iso(endOfLocalDay('2010-07-01', 'Europe/Moscow'))).toBe('2010-07-01T19:59:59.999Z');
    expect(iso(endOfLocalDay('2012-07-01', 'Europe/Moscow'))).toBe('2012-07-01T19:59:59.999Z');
    expect(iso(endOfLocalDay('2015-07-01', 'Europe/Moscow'))).toBe('2015-07-01T20:59:59.999Z');
  });

  it('ends a 23-hour day at the next local midnight, in summer time', () => {
    expect(iso(endOfLocalDay('2024-03-30', 'Europe/Berlin'))).toBe('2024-03-30T22:59:59.999Z');
    expect(iso(endOfLocalDay('2024-03-31', 'Europe/Berlin'))).toBe('2024-03-31T21:59:59.999Z');
    expect(iso(endOfLocalDay('2024-03-10', 'America/New_York'))).toBe('2024-03-11T03:59:59.999Z');
  });

  it('ends a 25-hour day at the next local midnight, in winter time', () => {
    expect(iso(endOfLocalDay('2024-10-27', 'Europe/Berlin'))).toBe('2024-10-27T22:59:59.999Z');
    expect(iso(endOfLocalDay('2024-11-03', 'America/New_York'))).toBe('2024-11-04T04:59:59.999Z');
  });

  it('handles a day whose midnight is skipped (Brazil, 4 November 2018)', () => {
    expect(iso(startOfLocalDay('2018-11-04', 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(endOfLocalDay('2018-11-03', 'America/Sao_Paulo'))).toBe('2018-11-04T02:59:59.999Z');
  });

  it('gives a day that never happened (Samoa, 30 December 2011) no time of its own', () => {
    expect(iso(endOfLocalDay('2011-12-30', 'Pacific/Apia'))).toBe(
      iso(endOfLocalDay('2011-12-29', 'Pacific/Apia')),
    );
  });

  it('is the last instant whose local date is not after the day (property)', () => {
    fc.assert(
      fc.property(dates, zones, (date, zone) => {
        const end = endOfLocalDay(date, zone);
        expect(localDateOf(end, zone) <= date).toBe(true);
        expect(localDateOf(end + 1, zone) > date).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('lies within a day of the UTC end of the same date, as offsets are within ±14 h (property)', () => {
    fc.assert(
      fc.property(dates, zones, (date, zone) => {
        const utcEnd = Date.parse(`${date}T23:59:59.999Z`);
        expect(Math.abs(endOfLocalDay(date, zone) - utcEnd)).toBeLessThanOrEqual(14 * 3_600_000);
      }),
    );
  });

  it('is exactly 23:59:59.999 minus a fixed offset in a zone without clock changes (property)', () => {
    const fixed: Array<[string, number]> = [
      ['Asia/Yekaterinburg', 5],
      ['Europe/Moscow', 3],
      ['Asia/Kamchatka', 12],
      ['Etc/GMT+5', -5],
    ];
    const recent = fc
      .date({
        min: new Date('2015-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(recent, fc.constantFrom(...fixed), (date, [zone, hours]) => {
        expect(endOfLocalDay(date, zone)).toBe(Date.parse(`${date}T23:59:59.999Z`) - hours * 3_600_000);
      }),
    );
  });
});

describe('start of a school day', () => {
  it('is the first instant whose local date is the day or later (property)', () => {
    fc.assert(
      fc.property(dates, zones, (date, zone) => {
        const start = startOfLocalDay(date, zone);
        expect(localDateOf(start, zone) >= date).toBe(true);
        expect(localDateOf(start - 1, zone) < date).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a local time of day', () => {
  it('is read in the zone', () => {
    expect(iso(atLocalTime('2024-05-24', '09:00', 'Asia/Yekaterinburg'))).toBe('2024-05-24T04:00:00.000Z');
  });

  it('skipped by a forward jump is pushed past the gap', () => {
    expect(iso(atLocalTime('2024-03-31', '02:30', 'Europe/Berlin'))).toBe('2024-03-31T01:30:00.000Z');
  });

  it('that happens twice is the earlier one', () => {
    expect(iso(atLocalTime('2024-10-27', '02:30', 'Europe/Berlin'))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('reads back as itself, or later only inside a clock gap (property)', () => {
    const times = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(dates, times, zones, (date, time, zone) => {
        const at = atLocalTime(date, time, zone);
        const wanted = Date.parse(`${date}T${time}:00Z`);
        const shown = Date.parse(
          `${localDateOf(at, zone)}T${new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at)}:00Z`,
        );
        if (shown !== wanted) {
          // Only a reading the clocks jumped over may move, and only forward, by the jump.
          expect(shown).toBeGreaterThan(wanted);
          expect(shown - wanted).toBeLessThanOrEqual(24 * 3_600_000);
          expect(localDateOf(at - 1, zone) <= date).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it('adds years, turning 29 February into 28 February of a common year', () => {
    expect(addYears('2024-04-26', 2)).toBe('2026-04-26');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('tells IANA zones from typos', () => {
    expect(isTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isTimeZone('Asia/Ekaterinburg')).toBe(false);
  });
});
