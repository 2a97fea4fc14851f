import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IPhotoComparison } from '../photoComparison/comparePhotos';
import { PhotoSyncErrorKind } from '../PhotoSyncError';
import { Verdict } from '../verdict';

/**
 * notChecked: nothing read yet (the site owner chose "check on click").
 * checking: reading both photos. ready: a verdict is known.
 * syncing: uploading. verifying: reading SharePoint back. done / failed: the resync's outcome is known ('done' when
 * a second upload should not be offered: resynced, cached, unconfirmed, unknown).
 */
export type SyncPhase = 'notChecked' | 'checking' | 'ready' | 'syncing' | 'verifying' | 'done' | 'failed';

export type ResyncOutcome =
  | { outcome: 'resynced' }
  /** SharePoint answered the upload with an error. */
  | { outcome: 'refused' }
  /** SharePoint accepted the upload but still shows another photo after the last read-back. */
  | { outcome: 'notTakenYet' }
  /**
   * SharePoint stored the upload (its profile says so: a new picture timestamp) but the picture it serves is still
   * the previous one: its picture cache lags (docs/dev/platform-facts.md#the-afdcache-redirect).
   */
  | { outcome: 'cached' }
  /**
   * SharePoint answered the upload with its success, but reading the profile back failed: the photo is probably
   * there, and Check again (not a second upload) will tell. reason/retryAt: why the read-back failed.
   */
  | { outcome: 'unconfirmed'; reason: PhotoSyncErrorKind; retryAt?: number }
  /**
   * The upload got no answer in time and the read-backs could not show it either: SharePoint may or may not apply
   * it. Check again (not a second upload) will tell.
   */
  | { outcome: 'unknown' }
  /** The resync stopped for another reason (throttling, network, invalid image, another account signed in). */
  | { outcome: 'failed'; reason: PhotoSyncErrorKind; retryAt?: number };

export interface ISyncState {
  phase: SyncPhase;
  /** undefined until read, and when the person has no Microsoft 365 photo (see verdict). */
  microsoft365Photo: IMicrosoft365Photo | undefined;
  sharePointProfile: ISharePointProfile | undefined;
  /** The image SharePoint shows (its copy, or the placeholder silhouette). */
  sharePointImage: Blob | undefined;
  verdict: Verdict | undefined;
  comparison: IPhotoComparison | undefined;
  resync: ResyncOutcome | undefined;
}
