import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IAutoResyncAttempt, IStoredResync } from './IResyncMemory';

/** When what the browser remembers of earlier resyncs decides this one (pure: the controller asks, the memory keeps). */

const DAY_MS: number = 24 * 60 * 60 * 1000;

/** How long a stored resync explains a SharePoint picture that still differs: its cache can lag about a day. */
export const STORED_RESYNC_LIFETIME_MS: number = DAY_MS;

/** Automatic resync tries each Microsoft 365 photo once a day at most, however often the page is opened. */
export const AUTO_RESYNC_INTERVAL_MS: number = DAY_MS;

/**
 * Out of sync only because SharePoint's picture cache has not caught up with a resync it stored: the same picture
 * timestamp, the same Microsoft 365 photo, within a day.
 */
export function storedResyncExplains(stored: IStoredResync, profile: ISharePointProfile, photo: IMicrosoft365Photo, now: number): boolean {
  return stored.pictureTimestamp === profile.pictureTimestamp && stored.microsoft365Etag === photo.etag &&
    now - stored.storedAt < STORED_RESYNC_LIFETIME_MS;
}

/**
 * Whether an automatic resync may run: not while SharePoint's profile says the picture changed less than a day ago
 * (whichever browser asks: an upload SharePoint's picture cache may not show yet), and not for a Microsoft 365 photo
 * this browser tried within the day.
 */
export function autoResyncAllowed(last: IAutoResyncAttempt | undefined, profile: ISharePointProfile | undefined,
  photo: IMicrosoft365Photo | undefined, now: number): boolean {
  const changedAt: number | undefined = profile?.pictureChangedAt?.getTime();
  if (changedAt !== undefined && !isNaN(changedAt) && within(now - changedAt, AUTO_RESYNC_INTERVAL_MS)) {
    return false;
  }
  return !(last && photo && last.microsoft365Etag === photo.etag && within(now - last.triedAt, AUTO_RESYNC_INTERVAL_MS));
}

function within(elapsedMs: number, limitMs: number): boolean {
  return elapsedMs >= 0 && elapsedMs < limitMs;
}
