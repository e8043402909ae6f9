import { describe, expect, it } from 'vitest';
import { zoneLabel } from './zones';

describe('time zones as a school names them', () => {
  it('names a Russian zone by its city and offset', () => {
    expect(zoneLabel('Europe/Moscow')).toBe('Москва (UTC+3)');
    expect(zoneLabel('Asia/Vladivostok')).toBe('Владивосток (UTC+10)');
    expect(zoneLabel('Europe/Kaliningrad')).toBe('Калининград (UTC+2)');
  });

  it('falls back to the city part of a zone it has no Russian name for', () => {
    expect(zoneLabel('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe('New York (UTC-5)');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});
