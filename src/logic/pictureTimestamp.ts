/**
 * SharePoint stores SPS-PictureTimestamp as whole seconds since 0001-01-01T00:00:00Z
 * (.NET DateTime ticks divided by 10^7). 63871724126 is 2025-01-06.
 */
const SECONDS_FROM_YEAR_ONE_TO_UNIX_EPOCH: number = 62135596800;

/** Before this no SharePoint Online profile picture was stored: 2000-01-01T00:00:00Z. */
const EARLIEST_MS: number = Date.UTC(2000, 0, 1);

/** A timestamp this far ahead of the browser's clock is not a clock difference but a wrong value. */
const LATEST_AHEAD_MS: number = 24 * 60 * 60 * 1000;

/**
 * Converts SPS-PictureTimestamp (seconds since year 1, as text) to a Date; undefined (shown as "no date") when it is
 * empty, not a number, before 2000 or more than a day ahead of `now`: such a value says nothing true about the photo
 * and, far enough out, is not even a date a formatter accepts.
 */
export function pictureTimestampToDate(value: string | undefined, now: number = Date.now()): Date | undefined {
  if (value === undefined || value.trim() === '' || !/^\d+$/.test(value.trim())) {
    return undefined;
  }
  const secondsSinceYearOne: number = Number(value.trim());
  if (secondsSinceYearOne === 0) {
    return undefined;
  }
  const ms: number = (secondsSinceYearOne - SECONDS_FROM_YEAR_ONE_TO_UNIX_EPOCH) * 1000;
  return ms >= EARLIEST_MS && ms <= now + LATEST_AHEAD_MS ? new Date(ms) : undefined;
}
