/**
 * SharePoint's `SPS-PictureTimestamp` counts seconds since 0001-01-01 UTC (.NET ticks / 10^7), not since 1970
 * (docs/dev/platform-facts.md#picture-timestamps-and-states).
 */

/** Seconds from 0001-01-01 to 1970-01-01, UTC. */
export const YEAR_ONE_TO_UNIX_SECONDS = 62135596800;

/**
 * @param {Date} date
 * @returns {number} whole seconds since 0001-01-01 UTC
 */
export function toSharePointSeconds(date) {
  return Math.floor(date.getTime() / 1000) + YEAR_ONE_TO_UNIX_SECONDS;
}
