import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IMicrosoft365PhotoService } from './IMicrosoft365PhotoService';
import { ISharePointProfileService } from './ISharePointProfileService';
import { IImageCodec } from './IImageCodec';
import { IPixelImage } from '../photoComparison/IPixelImage';
import { ComparisonSensitivity, compareFingerprints, IPhotoComparison } from '../photoComparison/comparePhotos';
import { computeFingerprint, IPhotoFingerprint } from '../photoComparison/fingerprint';
import { PhotoSyncError, PhotoSyncErrorKind, toPhotoSyncError } from '../PhotoSyncError';
import { SHAREPOINT_UPLOAD_LIMITS } from '../uploadPlan';
import { canResync, decideVerdict, Verdict } from '../verdict';
import { IResyncMemory, IStoredResync } from './IResyncMemory';
import { ISyncState, ResyncOutcome } from './ISyncState';

export interface ISyncControllerOptions {
  microsoft365: IMicrosoft365PhotoService;
  sharePoint: ISharePointProfileService;
  codec: IImageCodec;
  sensitivity: ComparisonSensitivity;
  /** Resync on its own, once, when a check finds the photos differ. Off by default in the web part. */
  autoResync: boolean;
  /**
   * Waits before each read-back after an upload, in milliseconds. SharePoint regenerates its thumbnails during the
   * upload call, but field reports say the new picture sometimes shows only later, so it is read back a few times.
   */
  verifyDelaysMs: ReadonlyArray<number>;
  delay: (ms: number) => Promise<void>;
  /** Remembers a resync SharePoint stored but could not show yet; none means nothing is remembered across visits. */
  memory?: IResyncMemory;
}

/** How long a stored resync explains a SharePoint picture that still differs: its cache can lag about a day. */
const STORED_RESYNC_LIFETIME_MS: number = 24 * 60 * 60 * 1000;

/** Longest side, in pixels, of the images decoded for comparison: the fingerprint needs far fewer. */
const COMPARISON_DECODE_SIDE: number = 64;

export const INITIAL_SYNC_STATE: ISyncState = {
  phase: 'notChecked',
  microsoft365Photo: undefined,
  sharePointProfile: undefined,
  sharePointImage: undefined,
  verdict: undefined,
  comparison: undefined,
  resync: undefined
};

type Listener = (state: ISyncState) => void;

/**
 * The web part's behaviour as a state machine, free of SPFx and React:
 * notChecked → checking → ready → syncing → verifying → done | failed.
 * It never uploads unless the verdict allows a resync and the Microsoft 365 bytes decode as an image.
 */
export class SyncController {
  private _state: ISyncState = INITIAL_SYNC_STATE;
  private readonly _listeners: Listener[] = [];
  private readonly _options: ISyncControllerOptions;
  /** The Microsoft 365 photo's fingerprint, computed once and compared with every read of SharePoint's copy. */
  private _microsoft365Fingerprint: IPhotoFingerprint | undefined;
  private _autoResyncTried: boolean = false;
  private _disposed: boolean = false;

  public constructor(options: ISyncControllerOptions) {
    this._options = options;
  }

  public get state(): ISyncState {
    return this._state;
  }

  public subscribe(listener: Listener): () => void {
    this._listeners.push(listener);
    return () => {
      const index: number = this._listeners.indexOf(listener);
      if (index >= 0) {
        this._listeners.splice(index, 1);
      }
    };
  }

  /**
   * Stops for good: no listener hears from it again, and a check or resync under way starts no further request (one
   * already sent still completes on the server).
   */
  public dispose(): void {
    this._disposed = true;
    this._listeners.length = 0;
  }

  public get isBusy(): boolean {
    const phase: string = this._state.phase;
    return phase === 'checking' || phase === 'syncing' || phase === 'verifying';
  }

  /** Reads both photos in parallel and decides the verdict. Does nothing while another step runs. */
  public async check(): Promise<void> {
    if (this.isBusy) {
      return;
    }
    this._microsoft365Fingerprint = undefined;
    this._setState({ ...INITIAL_SYNC_STATE, phase: 'checking' });

    const [microsoft365, sharePoint] = await Promise.all([this._readMicrosoft365(), this._readSharePoint()]);
    if (this._disposed) {
      return;
    }
    this._microsoft365Fingerprint = microsoft365.pixels && computeFingerprint(microsoft365.pixels);

    let comparison: IPhotoComparison | undefined;
    let sharePointError: PhotoSyncErrorKind | undefined = sharePoint.error;
    if (this._microsoft365Fingerprint && sharePoint.pixels && !sharePoint.profile?.isPlaceholder) {
      comparison = this._compareWithMicrosoft365(this._microsoft365Fingerprint, sharePoint.pixels);
    } else if (sharePoint.image && !sharePoint.pixels && !sharePoint.profile?.isPlaceholder && sharePointError === undefined) {
      // SharePoint answered with something that is not an image.
      sharePointError = 'badResponse';
    }

    let verdict: Verdict = decideVerdict({
      microsoft365Error: microsoft365.error,
      sharePointError,
      retryAt: microsoft365.error !== undefined ? microsoft365.retryAt : sharePoint.retryAt,
      hasMicrosoft365Photo: microsoft365.photo !== undefined,
      sharePointIsPlaceholder: sharePoint.profile?.isPlaceholder === true,
      isSamePhoto: comparison?.isSamePhoto
    });
    verdict = this._explainByStoredResync(verdict, microsoft365.photo, sharePoint.profile);

    this._setState({
      phase: 'ready',
      microsoft365Photo: microsoft365.photo,
      sharePointProfile: sharePoint.profile,
      sharePointImage: sharePoint.image,
      verdict,
      comparison,
      resync: undefined
    });

    if (this._options.autoResync && !this._autoResyncTried && canResync(verdict)) {
      this._autoResyncTried = true;
      await this.resync();
    }
  }

  /** Uploads the Microsoft 365 photo to SharePoint and verifies it by reading back. Ignored while busy. */
  public async resync(): Promise<void> {
    const photo: IMicrosoft365Photo | undefined = this._state.microsoft365Photo;
    const original: IPhotoFingerprint | undefined = this._microsoft365Fingerprint;
    if (this._disposed || this.isBusy || !canResync(this._state.verdict) || photo === undefined || original === undefined) {
      return;
    }

    // SharePoint's own clock stamps the picture: compare with what it said before, never with the browser's clock.
    const timestampBefore: string | undefined = this._state.sharePointProfile?.pictureTimestamp;
    this._setState({ ...this._state, phase: 'syncing', resync: undefined });
    try {
      const upload: Blob = await this._options.codec.prepareForUpload(photo.image, SHAREPOINT_UPLOAD_LIMITS);
      await this._options.sharePoint.setMyProfilePicture(upload);
    } catch (error) {
      // A photo that does not decode, or cannot be made small enough (invalidImage), is never sent.
      const failure: PhotoSyncError = toPhotoSyncError(error);
      this._finishResync(failure.kind === 'uploadRefused' ? { outcome: 'refused' } : failedResync(failure.kind, retryAtOf(failure)));
      return;
    }

    this._setState({ ...this._state, phase: 'verifying' });
    let readError: PhotoSyncErrorKind | undefined;
    let readRetryAt: number | undefined;
    let stored: boolean = false;
    for (const waitMs of this._options.verifyDelaysMs) {
      await this._options.delay(waitMs);
      if (this._disposed) {
        return;
      }
      const readBack: ISharePointRead = await this._readSharePoint();
      readError = readBack.error;
      readRetryAt = readBack.retryAt;
      if (readBack.error !== undefined || !readBack.profile) {
        continue;
      }
      stored = stored || (!readBack.profile.isPlaceholder && readBack.profile.pictureTimestamp !== undefined &&
        readBack.profile.pictureTimestamp !== timestampBefore);
      const comparison: IPhotoComparison | undefined = readBack.pixels && !readBack.profile.isPlaceholder
        ? this._compareWithMicrosoft365(original, readBack.pixels)
        : undefined;
      const verdict: Verdict = decideVerdict({
        hasMicrosoft365Photo: true,
        sharePointIsPlaceholder: readBack.profile.isPlaceholder,
        isSamePhoto: comparison?.isSamePhoto
      });
      this._setState({
        ...this._state,
        sharePointProfile: readBack.profile,
        sharePointImage: readBack.image,
        comparison,
        verdict
      });
      if (verdict.kind === 'inSync') {
        this._finishResync({ outcome: 'resynced' });
        return;
      }
    }
    // Only a read-back that worked and still showed another photo means SharePoint has not taken it, and only when
    // its profile did not change either; when the last read failed, nothing is known, so say why instead.
    // A read-back that showed the upload stored settles it, even if a later read failed: offering Resync again would
    // only upload the same photo twice.
    this._finishResync(stored ? { outcome: 'cached' } : readError !== undefined ? failedResync(readError, readRetryAt) : { outcome: 'notTakenYet' });
  }

  /**
   * Out of sync only because SharePoint's picture cache has not caught up with a resync it stored (same picture
   * timestamp, same Microsoft 365 photo, within a day) is not out of sync: say so, and offer no second upload.
   */
  private _explainByStoredResync(verdict: Verdict, photo: IMicrosoft365Photo | undefined, profile: ISharePointProfile | undefined): Verdict {
    const memory: IResyncMemory | undefined = this._options.memory;
    if (!memory || !profile || !photo || (verdict.kind !== 'outOfSync' && verdict.kind !== 'inSync')) {
      return verdict;
    }
    const stored: IStoredResync | undefined = memory.recall(profile.accountName);
    if (!stored) {
      return verdict;
    }
    const stillExplains: boolean = verdict.kind === 'outOfSync' && stored.pictureTimestamp === profile.pictureTimestamp &&
      stored.microsoft365Etag === photo.etag && Date.now() - stored.storedAt < STORED_RESYNC_LIFETIME_MS;
    if (!stillExplains) {
      memory.forget(profile.accountName);
      return verdict;
    }
    return { kind: 'awaitingCache' };
  }

  private _compareWithMicrosoft365(microsoft365: IPhotoFingerprint, sharePoint: IPixelImage): IPhotoComparison {
    return compareFingerprints(microsoft365, computeFingerprint(sharePoint), this._options.sensitivity);
  }

  private _finishResync(resync: ResyncOutcome): void {
    const profile: ISharePointProfile | undefined = this._state.sharePointProfile;
    if (resync.outcome === 'cached' && this._options.memory && profile && profile.pictureTimestamp) {
      this._options.memory.remember(profile.accountName, {
        pictureTimestamp: profile.pictureTimestamp,
        microsoft365Etag: this._state.microsoft365Photo?.etag,
        storedAt: Date.now()
      });
    }
    this._setState({ ...this._state, phase: resync.outcome === 'resynced' || resync.outcome === 'cached' ? 'done' : 'failed', resync });
  }

  private async _readMicrosoft365(): Promise<IMicrosoft365Read> {
    let photo: IMicrosoft365Photo | undefined;
    try {
      photo = await this._options.microsoft365.getMyPhoto();
    } catch (error) {
      const failure: PhotoSyncError = toPhotoSyncError(error);
      return { photo: undefined, pixels: undefined, error: failure.kind, retryAt: retryAtOf(failure) };
    }
    if (photo === undefined) {
      return { photo: undefined, pixels: undefined, error: undefined };
    }
    try {
      return { photo, pixels: await this._options.codec.decode(photo.image, COMPARISON_DECODE_SIDE), error: undefined };
    } catch (error) {
      // Bytes that are not an image: show nothing and never upload them. Other failures (say, no memory for a
      // canvas) are not the photo's fault and are reported as such.
      return { photo: undefined, pixels: undefined, error: toPhotoSyncError(error).kind === 'invalidImage' ? 'invalidImage' : 'unexpected' };
    }
  }

  private async _readSharePoint(): Promise<ISharePointRead> {
    try {
      const profile: ISharePointProfile = await this._options.sharePoint.getMyProfile();
      const image: Blob = await this._options.sharePoint.getMyPicture(profile);
      let pixels: IPixelImage | undefined;
      try {
        pixels = await this._options.codec.decode(image, COMPARISON_DECODE_SIDE);
      } catch {
        pixels = undefined;
      }
      return { profile, image, pixels, error: undefined };
    } catch (error) {
      const failure: PhotoSyncError = toPhotoSyncError(error);
      return { profile: undefined, image: undefined, pixels: undefined, error: failure.kind, retryAt: retryAtOf(failure) };
    }
  }

  private _setState(state: ISyncState): void {
    if (this._disposed) {
      return;
    }
    this._state = state;
    for (const listener of this._listeners.slice()) {
      listener(state);
    }
  }
}

interface IMicrosoft365Read {
  photo: IMicrosoft365Photo | undefined;
  pixels: IPixelImage | undefined;
  error: PhotoSyncErrorKind | undefined;
  /** When the service said to try again (ms since 1970), if it was throttling and said. */
  retryAt?: number;
}

interface ISharePointRead {
  profile: ISharePointProfile | undefined;
  image: Blob | undefined;
  pixels: IPixelImage | undefined;
  error: PhotoSyncErrorKind | undefined;
  retryAt?: number;
}

/** When to try again, from how long a throttling server asked to wait. */
function retryAtOf(failure: PhotoSyncError): number | undefined {
  return failure.kind === 'throttled' && failure.retryAfterMs !== undefined ? Date.now() + failure.retryAfterMs : undefined;
}

function failedResync(reason: PhotoSyncErrorKind, retryAt: number | undefined): ResyncOutcome {
  return retryAt === undefined ? { outcome: 'failed', reason } : { outcome: 'failed', reason, retryAt };
}
