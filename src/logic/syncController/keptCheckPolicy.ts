import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IPerson, isSamePerson } from '../identity';
import { ComparisonSensitivity } from '../photoComparison/comparePhotos';
import { Verdict } from '../verdict';
import { IKeptCheck } from './IKeptCheckStore';

/**
 * When a person's last check may stand in for reading both photos again, and which parts of it (pure: the controller
 * asks, the store keeps). A kept check is shown again only while both photos' versions are what they were.
 */

/**
 * Verdicts worth showing again. Failures are retried by a new check; 'awaitingCache' is not kept either, because
 * SharePoint's picture cache catches up without any version changing.
 */
const KEPT_VERDICTS: ReadonlyArray<Verdict['kind']> = ['inSync', 'outOfSync', 'placeholder', 'noMicrosoft365Photo'];

/** usable; expired (too old, from a clock that went back, or kept no longer); or not the page's person's. */
export type KeptCheckStanding = 'usable' | 'expired' | 'notThisPerson';

export function keptCheckStanding(kept: IKeptCheck, person: IPerson, now: number, keepForMs: number): KeptCheckStanding {
  const age: number = now - kept.checkedAt;
  if (!isSamePerson(person, profilePerson(kept.sharePointProfile))) {
    return 'notThisPerson';
  }
  return age < 0 || age >= keepForMs ? 'expired' : 'usable';
}

/** The versions read now: Graph's photo etag (undefined: no photo) and SharePoint's PictureUrl. */
export interface ICurrentVersions {
  microsoft365: { etag: string | undefined } | undefined;
  sharePointPictureUrl: string | undefined;
}

/** What of a usable kept check to use: show it as it is, or take one or both photos from it. */
export interface IKeptCheckPlan {
  show: boolean;
  microsoft365: boolean;
  sharePoint: boolean;
}

export function planFromKeptCheck(kept: IKeptCheck, current: ICurrentVersions, sensitivity: ComparisonSensitivity): IKeptCheckPlan {
  const keptEtag: string | undefined = kept.microsoft365Photo?.etag;
  const sameMicrosoft365: boolean = kept.microsoft365Photo === undefined
    ? current.microsoft365 === undefined
    : current.microsoft365 !== undefined && keptEtag !== undefined && current.microsoft365.etag === keptEtag;
  const sameSharePoint: boolean = current.sharePointPictureUrl === kept.sharePointProfile.pictureUrl;
  return {
    show: sameMicrosoft365 && sameSharePoint && kept.sensitivity === sensitivity,
    microsoft365: sameMicrosoft365,
    // SharePoint's new photo service can serve a new Microsoft 365 photo through userphoto.aspx while PictureUrl
    // stays as it was (docs/dev/platform-facts.md#mc653734-and-the-new-image-service): the kept picture is only
    // SharePoint's current one while the Microsoft 365 photo is unchanged too.
    sharePoint: sameMicrosoft365 && sameSharePoint
  };
}

/** Whether a check that ended with this verdict is worth keeping for the next visit, as long as checks are kept. */
export function isWorthKeeping(verdict: Verdict, keepForMs: number): boolean {
  return keepForMs > 0 && KEPT_VERDICTS.indexOf(verdict.kind) >= 0;
}

/** The person a SharePoint profile speaks for. */
export function profilePerson(profile: ISharePointProfile): IPerson {
  return { loginName: profile.accountName, objectId: profile.objectId };
}
