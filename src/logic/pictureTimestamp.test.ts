import { pictureTimestampToDate } from './pictureTimestamp';

describe('pictureTimestamp', () => {
  it('reads the documented example 63871724126 as 6 January 2025', () => {
    expect(pictureTimestampToDate('63871724126')?.toISOString()).toBe('2025-01-06T01:35:26.000Z');
  });

  it('treats a date before 2000 or more than a day ahead as no date, never as an invalid Date', () => {
    const now: number = Date.UTC(2026, 10, 23);
    const secondsFor = (ms: number): string => String(Math.floor(ms / 1000) + 62135596800);
    expect(pictureTimestampToDate('62135596800', now)).toBeUndefined(); // 1970
    expect(pictureTimestampToDate('1', now)).toBeUndefined(); // the year 1
    expect(pictureTimestampToDate(secondsFor(now + 2 * 24 * 3600 * 1000), now)).toBeUndefined();
    expect(pictureTimestampToDate('9'.repeat(30), now)).toBeUndefined(); // beyond any Date
    expect(pictureTimestampToDate(secondsFor(now + 3600 * 1000), now)?.getTime()).toBe(now + 3600 * 1000); // a clock an hour apart
    expect(pictureTimestampToDate(secondsFor(Date.UTC(2000, 0, 1)), now)?.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('treats empty, zero and non-numeric values as no date', () => {
    expect(pictureTimestampToDate(undefined)).toBeUndefined();
    expect(pictureTimestampToDate('')).toBeUndefined();
    expect(pictureTimestampToDate('0')).toBeUndefined();
    expect(pictureTimestampToDate('2025-01-06')).toBeUndefined();
  });
});
