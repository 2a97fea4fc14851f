import { IRecentCheck } from './IRecentCheck';
import { DAY_MS } from './nudgeSettings';

/**
 * When the nudge checks a person's photos, and what it shows (pure: the customizer asks, the stores keep). It is held
 * to the cost of code that runs on every page of a tenant for everyone: a page view inside the quiet period sends
 * nothing; a person whose photos were in sync costs one Graph read per quiet period and no SharePoint request, so no
 * PeopleManager call, while Graph's photo etag is the one of that in-sync check.
 */

/** A check that could not finish (no consent yet, throttled, offline) is tried again after a day at most. */
const RETRY_FAILED_AFTER_MS: number = DAY_MS;

/** "Not now": the person asked for quiet until then. */
export interface INudgeQuiet {
  person: string;
  until: number;
}

/** What a page view does: nothing, or read Graph's photo etag (one small request) and decide from it. */
export type NudgeStep = 'quiet' | 'readVersion';

export function nudgeStep(person: string, recent: IRecentCheck | undefined, quiet: INudgeQuiet | undefined, now: number, quietForMs: number): NudgeStep {
  // A time further ahead than the quiet period comes from a clock that went back: it does not count.
  if (quiet && quiet.person === person && quiet.until > now && quiet.until - now <= quietForMs) {
    return 'quiet';
  }
  if (recent && recent.person === person) {
    const age: number = now - recent.checkedAt;
    const period: number = recent.verdict === 'cantCheck' ? Math.min(RETRY_FAILED_AFTER_MS, quietForMs) : quietForMs;
    if (age >= 0 && age < period) {
      return 'quiet';
    }
  }
  return 'readVersion';
}

/**
 * After Graph's etag: 'noPhoto' (nothing to sync to: silent), 'stillInSync' (the photo is the one an in-sync check
 * saw: SharePoint is not read), or 'check' (read SharePoint and compare).
 */
export type VersionDecision = 'noPhoto' | 'stillInSync' | 'check';

export function decideFromVersion(person: string, recent: IRecentCheck | undefined, version: { etag: string | undefined } | undefined): VersionDecision {
  if (version === undefined) {
    return 'noPhoto';
  }
  const sameAsInSync: boolean = recent !== undefined && recent.person === person && recent.verdict === 'inSync' &&
    recent.microsoft365Etag !== undefined && recent.microsoft365Etag === version.etag;
  return sameAsInSync ? 'stillInSync' : 'check';
}

/** The nudge speaks only when SharePoint shows another photo or the placeholder; in every other case it stays silent. */
export function isWorthNudging(verdict: IRecentCheck['verdict'] | undefined): boolean {
  return verdict === 'outOfSync' || verdict === 'placeholder';
}
