import { pictureTimestampToDate } from './pictureTimestamp';

describe('pictureTimestamp', () => {
  it('reads the documented example 63871724126 as 6 January 2025', () => {
    expect(pictureTimestampToDate('63871724126')?.toISOString()).toBe('2025-01-06T01:35:26.000Z');
  });

  it('reads 62135596800 as the Unix epoch', () => {
    expect(pictureTimestampToDate('62135596800')?.getTime()).toBe(0);
  });

  it('treats empty, zero and non-numeric values as no date', () => {
    expect(pictureTimestampToDate(undefined)).toBeUndefined();
    expect(pictureTimestampToDate('')).toBeUndefined();
    expect(pictureTimestampToDate('0')).toBeUndefined();
    expect(pictureTimestampToDate('2025-01-06')).toBeUndefined();
  });
});
