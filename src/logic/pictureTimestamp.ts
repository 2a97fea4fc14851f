/**
 * SharePoint stores SPS-PictureTimestamp as whole seconds since 0001-01-01T00:00:00Z
 * (.NET DateTime ticks divided by 10^7). 63871724126 is 2025-01-06.
 */
const SECONDS_FROM_YEAR_ONE_TO_UNIX_EPOCH: number = 62135596800;

/** Converts SPS-PictureTimestamp (seconds since year 1, as text) to a Date, or undefined when it is empty or not a number. */
export function pictureTimestampToDate(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '' || !/^\d+$/.test(value.trim())) {
    return undefined;
  }
  const secondsSinceYearOne: number = Number(value.trim());
  if (secondsSinceYearOne === 0) {
    return undefined;
  }
  return new Date((secondsSinceYearOne - SECONDS_FROM_YEAR_ONE_TO_UNIX_EPOCH) * 1000);
}
