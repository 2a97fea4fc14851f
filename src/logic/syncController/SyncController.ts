import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IMicrosoft365PhotoService } from './IMicrosoft365PhotoService';
import { ISharePointProfileService, IUploadTicket } from './ISharePointProfileService';
import { IKeptCheck, IKeptCheckStore } from './IKeptCheckStore';
import { IImageCodec } from './IImageCodec';
import { IPixelImage } from '../photoComparison/IPixelImage';
import { ComparisonSensitivity, compareFingerprints, IPhotoComparison } from '../photoComparison/comparePhotos';
import { computeFingerprint, IPhotoFingerprint } from '../photoComparison/fingerprint';
import { PhotoSyncError, PhotoSyncErrorKind, toPhotoSyncError } from '../PhotoSyncError';
import { SHAREPOINT_UPLOAD_LIMITS } from '../uploadPlan';
import { canResync, decideVerdict, Verdict } from '../verdict';
import { IAutoResyncAttempt, IResyncMemory, IStoredResync } from './IResyncMemory';
import { ISyncState, ResyncOutcome } from './ISyncState';
import { IPerson, isSamePerson, personKey } from '../identity';
import { IRecentCheck, IRecentCheckStore } from '../nudge/IRecentCheck';
import { describeSurface, mayResync } from './surface';
import { IKeptCheckPlan, isWorthKeeping, keptCheckStanding, planFromKeptCheck, profilePerson } from './keptCheckPolicy';
import { autoResyncAllowed, storedResyncExplains } from './resyncMemoryPolicy';

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
  /**
   * The person the page was opened for. Every answer the controller acts on must speak for this person: a photo is
   * only ever written to the profile of the person it was read for.
   */
  person: IPerson;
  /** Longest a resync may take, upload and read-backs together, in milliseconds; then its outcome is given in words. */
  resyncBudgetMs?: number;
  /**
   * Keeps the last check per person: a later check whose two small version reads (Graph's photo etag, SharePoint's
   * PictureUrl) match it shows it again, with no photo downloaded, decoded or compared; when only SharePoint's changed,
   * the kept Microsoft 365 photo is compared with SharePoint's new picture. None: every check is full.
   */
  keptChecks?: IKeptCheckStore;
  /** How long a kept check may be shown again, in milliseconds (24 h by default). */
  keepCheckForMs?: number;
  /**
   * Notes each verdict, and each resync that made SharePoint show the photo, in a few bytes every surface can read
   * cheaply: the nudge checks no one whom another surface checked within its quiet period.
   */
  recentChecks?: IRecentCheckStore;
}

/** The settings a controller can take without being replaced. */
export interface ISyncSettings {
  sensitivity: ComparisonSensitivity;
  autoResync: boolean;
  /** How long a kept check may be shown again, in milliseconds; 0 keeps none. */
  keepCheckForMs: number;
}

const DAY_MS: number = 24 * 60 * 60 * 1000;

/** The latest "try again after" said: a server asking for more than a day asks for what no page view waits for. */
const MAX_RETRY_AT_MS: number = DAY_MS;

const DEFAULT_CACHE_LIFETIME_MS: number = DAY_MS;

const DEFAULT_RESYNC_BUDGET_MS: number = 90 * 1000;

/** Failures after which reading back again at once would not help: wait for the person to check again. */
const STOP_READING_BACK: ReadonlyArray<PhotoSyncErrorKind> = ['timeout', 'network', 'throttled', 'signedOut', 'accountChanged'];

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
  private _settings: ISyncSettings;
  /** Settings that arrived while a step ran: applied, with a new check, once it ends. */
  private _pendingSettings: ISyncSettings | undefined;
  /** The Microsoft 365 photo's fingerprint, computed once and compared with every read of SharePoint's copy. */
  private _microsoft365Fingerprint: IPhotoFingerprint | undefined;
  /** Auto-resync runs at most once per controller, whatever the memory says. */
  private _autoResyncTried: boolean = false;
  private _disposed: boolean = false;

  public constructor(options: ISyncControllerOptions) {
    this._options = options;
    this._settings = { sensitivity: options.sensitivity, autoResync: options.autoResync, keepCheckForMs: options.keepCheckForMs ?? DEFAULT_CACHE_LIFETIME_MS };
  }

  /**
   * Takes new settings. A check already made is made again with them; while a check or resync runs, they wait until
   * it ends, so its outcome is never replaced by a verdict computed under the previous settings.
   */
  public updateSettings(settings: ISyncSettings): void {
    if (settings.sensitivity === this._settings.sensitivity && settings.autoResync === this._settings.autoResync &&
      settings.keepCheckForMs === this._settings.keepCheckForMs) {
      return;
    }
    if (this.isBusy) {
      this._pendingSettings = settings;
      return;
    }
    this._settings = settings;
    if (this._state.phase !== 'notChecked') {
      this.check(true).catch(() => undefined);
    }
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
    return describeSurface(this._state).busy;
  }

  /**
   * Reads both photos in parallel and decides the verdict. Does nothing while another step runs. Unless `fresh`
   * (the person asked to check again), a kept check whose versions still match is shown instead, and a Microsoft 365
   * photo whose etag still matches is taken from it rather than downloaded.
   */
  public async check(fresh: boolean = false): Promise<void> {
    if (this.isBusy || this._disposed) {
      return;
    }
    this._microsoft365Fingerprint = undefined;
    this._setState({ ...INITIAL_SYNC_STATE, phase: 'checking' });
    this._forgetOtherPeople();

    const kept: IKeptSides = fresh ? {} : await this._useKeptCheck();
    if (kept.shown) {
      this._noteRecentCheck();
      if (!this._disposed) {
        this._applyPendingSettings();
      }
      return;
    }
    if (this._disposed) {
      return;
    }

    // What did not change since the kept check is taken from it rather than read again.
    const reads: [IMicrosoft365Read, ISharePointRead] = await Promise.all([
      kept.microsoft365 ? this._decodeKeptMicrosoft365(kept.microsoft365.photo) : this._readMicrosoft365(),
      kept.sharePoint ? this._decodeKeptSharePoint(kept.sharePoint) : this._readSharePoint()
    ]);
    const microsoft365: IMicrosoft365Read = reads[0];
    let sharePoint: ISharePointRead = reads[1];
    if (kept.sharePoint && microsoft365.photo?.etag !== kept.microsoft365?.photo?.etag && !this._disposed) {
      // The kept Microsoft 365 photo did not decode, and Graph, read again, has another one: SharePoint's picture may
      // follow it, so the kept one is not trusted either.
      sharePoint = await this._readSharePoint();
    }
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

    let verdict: Verdict = sharePointError === 'accountChanged'
      // Another person's profile: nothing of it is shown or compared, whatever Graph said.
      ? { kind: 'cantCheck', reason: 'accountChanged' }
      : decideVerdict({
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
    this._noteRecentCheck();
    // Settings that arrived meanwhile start a new check at once, which keeps its own.
    if (this._applyPendingSettings()) {
      return;
    }
    if (this._settings.autoResync && !this._autoResyncTried && canResync(verdict) && this._mayAutoResync(microsoft365.photo, sharePoint.profile)) {
      // At once, in the same turn as the verdict: the person never sees the button idle before it runs. The resync
      // forgets the check it replaces and keeps its own outcome.
      this._autoResyncTried = true;
      await this.resync();
      return;
    }
    // Written before the check's promise settles: a surface or test that awaits check() finds it kept.
    await this._keepCheck();
  }

  /**
   * Uploads the Microsoft 365 photo to SharePoint and verifies it by reading back. Ignored while busy.
   * Before anything is written, SharePoint's profile and the Graph token's user must both be the person the page is for and the
   * profile the check read; a digest refused as stale is replaced once, after the same check.
   */
  public async resync(): Promise<void> {
    const photo: IMicrosoft365Photo | undefined = this._state.microsoft365Photo;
    const checked: ISharePointProfile | undefined = this._state.sharePointProfile;
    // After 'done' (resynced, cached, unconfirmed, unknown) only a new check may lead to another upload.
    // Not while a step runs, not twice for one check, not before the time a throttling server gave (surface.ts).
    if (this._disposed || !mayResync(this._state, Date.now()) || photo === undefined || checked === undefined) {
      return;
    }
    const deadline: number = Date.now() + (this._options.resyncBudgetMs ?? DEFAULT_RESYNC_BUDGET_MS);

    // SharePoint's own clock stamps the picture: compare with what it said before, never with the browser's clock.
    const timestampBefore: string | undefined = checked.pictureTimestamp;
    this._setState({ ...this._state, phase: 'syncing', resync: undefined });
    // SharePoint is about to change: the kept check no longer describes it.
    this._forgetCheck();
    let original: IPhotoFingerprint;
    try {
      // A check shown from the cache decoded nothing: the photo is decoded now, to recognise it when read back.
      original = this._microsoft365Fingerprint ?? computeFingerprint(await this._options.codec.decode(photo.image, COMPARISON_DECODE_SIDE));
      this._microsoft365Fingerprint = original;
    } catch (error) {
      this._finishFailedResync(toPhotoSyncError(error).kind === 'invalidImage' ? toPhotoSyncError(error) : new PhotoSyncError('invalidImage', 'The photo does not decode'));
      return;
    }
    let upload: Blob;
    let ticket: IUploadTicket;
    try {
      // A photo that does not decode, or cannot be made small enough (invalidImage), is never sent.
      [upload, ticket] = await Promise.all([
        this._options.codec.prepareForUpload(photo.image, SHAREPOINT_UPLOAD_LIMITS),
        this._confirmedTicket(checked, false)
      ]);
    } catch (error) {
      this._finishFailedResync(toPhotoSyncError(error));
      return;
    }

    let answered: boolean = true;
    try {
      try {
        await this._uploadWith(ticket, upload);
      } catch (error) {
        const kind: PhotoSyncErrorKind = toPhotoSyncError(error).kind;
        if ((kind !== 'staleDigest' && kind !== 'sessionRenewed') || this._disposed) {
          throw error;
        }
        // Never retried under whichever account signs the new digest or the renewed session: the ticket is checked
        // again. A ticket that fails sent nothing: that is a failure, not an upload of unknown fate.
        let renewed: IUploadTicket;
        try {
          renewed = await this._confirmedTicket(checked, kind === 'staleDigest');
        } catch (ticketError) {
          this._finishFailedResync(toPhotoSyncError(ticketError));
          return;
        }
        await this._uploadWith(renewed, upload);
      }
    } catch (error) {
      const failure: PhotoSyncError = toPhotoSyncError(error);
      if (failure.kind !== 'timeout') {
        this._finishFailedResync(failure);
        return;
      }
      // No answer in time: the request was aborted, but SharePoint may still apply it. Reading back tells.
      answered = false;
    }
    if (this._disposed) {
      return;
    }

    this._setState({ ...this._state, phase: 'verifying' });
    let readError: PhotoSyncErrorKind | undefined;
    let readRetryAt: number | undefined;
    let stored: boolean = false;
    for (const waitMs of this._options.verifyDelaysMs) {
      if (Date.now() + waitMs >= deadline) {
        break;
      }
      await this._options.delay(waitMs);
      if (this._disposed) {
        return;
      }
      const readBack: ISharePointRead = await this._readSharePoint();
      readError = readBack.error;
      readRetryAt = readBack.retryAt;
      if (readBack.error !== undefined || !readBack.profile) {
        if (readBack.error !== undefined && STOP_READING_BACK.indexOf(readBack.error) >= 0) {
          break;
        }
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
        await this._keepCheck();
        return;
      }
    }
    // A read-back that showed the upload stored settles it, even if a later read failed: offering Resync again would
    // only upload the same photo twice. Only a read-back that worked and still showed another photo, with an
    // unchanged profile, after an answered upload, means SharePoint has not taken it.
    if (stored) {
      this._finishResync({ outcome: 'cached' });
    } else if (!answered) {
      this._finishResync({ outcome: 'unknown' });
    } else if (readError !== undefined) {
      this._finishResync(readRetryAt === undefined ? { outcome: 'unconfirmed', reason: readError } : { outcome: 'unconfirmed', reason: readError, retryAt: readRetryAt });
    } else {
      this._finishResync({ outcome: 'notTakenYet' });
    }
  }

  /**
   * A ticket (profile and digest, one round trip, a new digest when the last was refused) whose profile, and the Graph token's user, are the page's person and the
   * profile the check read; otherwise PhotoSyncError('accountChanged').
   */
  private async _confirmedTicket(checked: ISharePointProfile, renewDigest: boolean): Promise<IUploadTicket> {
    const [ticket, graphPerson] = await Promise.all([this._ticket(renewDigest), this._options.microsoft365.getMyIdentity()]);
    const person: IPerson = this._options.person;
    if (!isSamePerson(person, profilePerson(ticket.profile)) || !isSamePerson(profilePerson(checked), profilePerson(ticket.profile)) ||
      !isSamePerson(person, graphPerson)) {
      throw new PhotoSyncError('accountChanged', 'SharePoint or Graph answers for another account than the page was opened for');
    }
    return ticket;
  }

  /** A ticket read wholly under one SharePoint session: read once more when the session was renewed meanwhile. */
  private async _ticket(renewDigest: boolean): Promise<IUploadTicket> {
    try {
      return await this._options.sharePoint.prepareUpload(renewDigest);
    } catch (error) {
      if (toPhotoSyncError(error).kind !== 'sessionRenewed' || this._disposed) {
        throw error;
      }
      return this._options.sharePoint.prepareUpload(renewDigest);
    }
  }

  private async _uploadWith(ticket: IUploadTicket, upload: Blob): Promise<void> {
    if (this._disposed) {
      throw new PhotoSyncError('unexpected', 'Stopped');
    }
    await ticket.upload(upload);
  }

  private _finishFailedResync(failure: PhotoSyncError): void {
    this._finishResync(failure.kind === 'uploadRefused' ? { outcome: 'refused' } : failedResync(failureReason(failure.kind), retryAtOf(failure)));
  }

  /**
   * Auto-resync tries each Microsoft 365 photo once a day, remembered in this browser; and, whichever browser asks, not
   * while SharePoint's picture changed less than a day ago. That is SharePoint's own record of the person (the
   * profile's picture timestamp), so it holds across browsers: an upload made from another browser, or by anyone,
   * within the day its picture cache may lag, is not followed by the same upload again. A click on Resync still
   * uploads.
   */
  private _mayAutoResync(photo: IMicrosoft365Photo | undefined, profile: ISharePointProfile | undefined): boolean {
    const now: number = Date.now();
    const memory: IResyncMemory | undefined = this._options.memory;
    const last: IAutoResyncAttempt | undefined = memory && profile ? memory.recallAutoResync(profile.accountName) : undefined;
    if (!autoResyncAllowed(last, profile, photo, now)) {
      return false;
    }
    if (memory && profile && photo) {
      memory.rememberAutoResync(profile.accountName, { microsoft365Etag: photo.etag, triedAt: now });
    }
    return true;
  }

  /** Settings that waited for a step to end: applied now, with a new check. True when a check was started. */
  private _applyPendingSettings(): boolean {
    const pending: ISyncSettings | undefined = this._pendingSettings;
    if (!pending || this._disposed) {
      return false;
    }
    this._pendingSettings = undefined;
    this._settings = pending;
    this.check(true).catch(() => undefined);
    return true;
  }

  /**
   * Reads Graph's photo etag and SharePoint's PictureUrl (together, a few hundred bytes each) and compares them with
   * the person's kept check, if it is younger than the cache lifetime. Nothing changed and the same sensitivity: the
   * kept check is shown (`shown`). Otherwise the sides that need no new read are returned: the Microsoft 365 photo
   * while its etag is unchanged, SharePoint's picture only while both versions are; a failure, another account or no
   * kept check returns nothing (a full check finds out).
   */
  private async _useKeptCheck(): Promise<IKeptSides> {
    const cache: IKeptCheckStore | undefined = this._options.keptChecks;
    const person: IPerson = this._options.person;
    let kept: IKeptCheck | undefined;
    try {
      kept = cache && await cache.recall(person.loginName);
    } catch {
      kept = undefined;
    }
    if (!kept || this._disposed) {
      return {};
    }
    if (keptCheckStanding(kept, person, Date.now(), this._settings.keepCheckForMs) !== 'usable') {
      // Expired (or from a clock that went back, or kept no longer), or not this person's: nothing of it stays.
      this._forgetCheck();
      return {};
    }
    const [microsoft365, sharePoint] = await Promise.all([
      settle(this._options.microsoft365.getMyPhotoVersion()),
      settle(this._options.sharePoint.getMyPictureVersion())
    ]);
    if (this._disposed || !microsoft365.ok || !sharePoint.ok || !isSamePerson(person, { loginName: sharePoint.value.accountName })) {
      return {};
    }
    const plan: IKeptCheckPlan = planFromKeptCheck(kept, { microsoft365: microsoft365.value, sharePointPictureUrl: sharePoint.value.pictureUrl }, this._settings.sensitivity);
    if (plan.show) {
      this._setState({
        phase: 'ready',
        microsoft365Photo: kept.microsoft365Photo,
        sharePointProfile: kept.sharePointProfile,
        sharePointImage: kept.sharePointImage,
        verdict: kept.verdict,
        comparison: undefined,
        resync: undefined
      });
      return { shown: true };
    }
    return {
      microsoft365: plan.microsoft365 ? { photo: kept.microsoft365Photo } : undefined,
      sharePoint: plan.sharePoint ? { profile: kept.sharePointProfile, image: kept.sharePointImage } : undefined
    };
  }

  /** The kept Microsoft 365 photo, decoded for the comparison; read from Graph again if the kept bytes do not decode. */
  private async _decodeKeptMicrosoft365(photo: IMicrosoft365Photo | undefined): Promise<IMicrosoft365Read> {
    const kept: IMicrosoft365Read = await this._decodeMicrosoft365(photo);
    return kept.error === undefined || this._disposed ? kept : this._readMicrosoft365();
  }

  /** SharePoint's kept profile and picture, decoded for the comparison; read again if the kept bytes do not decode. */
  private async _decodeKeptSharePoint(kept: { profile: ISharePointProfile; image: Blob }): Promise<ISharePointRead> {
    try {
      const pixels: IPixelImage = await this._options.codec.decode(kept.image, COMPARISON_DECODE_SIDE);
      return { profile: kept.profile, image: kept.image, pixels, error: undefined };
    } catch {
      return this._disposed ? { profile: undefined, image: undefined, pixels: undefined, error: 'unexpected' } : this._readSharePoint();
    }
  }

  /** Keeps the check now on screen for the next visit, when its verdict is worth showing again. */
  private async _keepCheck(): Promise<void> {
    const state: ISyncState = this._state;
    const cache: IKeptCheckStore | undefined = this._options.keptChecks;
    if (!cache || this._disposed || !state.verdict || !state.sharePointProfile || !state.sharePointImage ||
      !isWorthKeeping(state.verdict, this._settings.keepCheckForMs)) {
      return;
    }
    // A store that fails keeps nothing; the next visit checks in full.
    await cache.remember(this._options.person.loginName, {
      checkedAt: Date.now(),
      sensitivity: this._settings.sensitivity,
      microsoft365Photo: state.microsoft365Photo,
      sharePointProfile: state.sharePointProfile,
      sharePointImage: state.sharePointImage,
      verdict: state.verdict
    }).catch(() => undefined);
  }

  /** On a shared browser, whoever used the web part before leaves nothing behind for the person using it now. */
  private _forgetOtherPeople(): void {
    const loginName: string = this._options.person.loginName;
    try {
      this._options.memory?.keepOnly(loginName);
    } catch {
      // A memory that cannot be read kept nothing either.
    }
    this._options.keptChecks?.keepOnly(loginName).catch(() => undefined);
  }

  /** Notes the verdict on screen (or what a resync made of it) for every surface of this browser. */
  private _noteRecentCheck(verdict: IRecentCheck['verdict'] | undefined = this._state.verdict?.kind): void {
    if (!this._options.recentChecks || this._disposed || verdict === undefined) {
      return;
    }
    try {
      this._options.recentChecks.remember({
        person: personKey(this._options.person),
        checkedAt: Date.now(),
        microsoft365Etag: this._state.microsoft365Photo?.etag,
        verdict
      });
    } catch {
      // A store that fails keeps nothing: the nudge then checks once more.
    }
  }

  private _forgetCheck(): void {
    this._options.keptChecks?.forget(this._options.person.loginName).catch(() => undefined);
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
    const stillExplains: boolean = verdict.kind === 'outOfSync' && storedResyncExplains(stored, profile, photo, Date.now());
    if (!stillExplains) {
      memory.forget(profile.accountName);
      return verdict;
    }
    return { kind: 'awaitingCache' };
  }

  private _compareWithMicrosoft365(microsoft365: IPhotoFingerprint, sharePoint: IPixelImage): IPhotoComparison {
    return compareFingerprints(microsoft365, computeFingerprint(sharePoint), this._settings.sensitivity);
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
    const settled: boolean = resync.outcome === 'resynced' || resync.outcome === 'cached' || resync.outcome === 'unconfirmed' || resync.outcome === 'unknown';
    this._setState({ ...this._state, phase: settled ? 'done' : 'failed', resync });
    if (resync.outcome === 'resynced' || resync.outcome === 'cached') {
      this._noteRecentCheck(resync.outcome === 'resynced' ? 'inSync' : 'awaitingCache');
    }
    this._applyPendingSettings();
  }

  private async _readMicrosoft365(): Promise<IMicrosoft365Read> {
    let photo: IMicrosoft365Photo | undefined;
    try {
      photo = await this._options.microsoft365.getMyPhoto();
    } catch (error) {
      const failure: PhotoSyncError = toPhotoSyncError(error);
      return { photo: undefined, pixels: undefined, error: failure.kind, retryAt: retryAtOf(failure) };
    }
    return this._decodeMicrosoft365(photo);
  }

  /** The photo decoded for the comparison; undefined (no photo) reads as such. */
  private async _decodeMicrosoft365(photo: IMicrosoft365Photo | undefined): Promise<IMicrosoft365Read> {
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

  /**
   * SharePoint's profile and the picture it shows, read together: the picture is asked for by the page's person, so
   * it need not wait for the profile. A profile of anyone else is refused (accountChanged) and nothing of it kept.
   */
  private async _readSharePoint(): Promise<ISharePointRead> {
    const sharePoint: ISharePointProfileService = this._options.sharePoint;
    const picture: Promise<Blob> = sharePoint.getPicture(this._options.person.loginName);
    // Read both to the end, so neither rejects unheard.
    const [profileResult, pictureResult] = await Promise.all([settle(sharePoint.getMyProfile()), settle(picture)]);
    try {
      const profile: ISharePointProfile = unwrap(profileResult);
      if (!isSamePerson(this._options.person, profilePerson(profile))) {
        throw new PhotoSyncError('accountChanged', 'SharePoint answers for another account than the page was opened for');
      }
      const image: Blob = unwrap(pictureResult);
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

/** What a kept check still answers for: everything (`shown`), or the sides that need not be read again. */
interface IKeptSides {
  shown?: boolean;
  microsoft365?: { photo: IMicrosoft365Photo | undefined };
  sharePoint?: { profile: ISharePointProfile; image: Blob };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then((value: T) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
}

function unwrap<T>(result: Settled<T>): T {
  if (result.ok) {
    return result.value;
  }
  throw result.error;
}

/** When to try again, from how long a throttling server asked to wait. */
function retryAtOf(failure: PhotoSyncError): number | undefined {
  return failure.kind === 'throttled' && failure.retryAfterMs !== undefined ? Date.now() + Math.min(failure.retryAfterMs, MAX_RETRY_AT_MS) : undefined;
}

/**
 * What a person reads for a resync that failed twice over a refused digest (nothing they can act on) or over a
 * session renewed twice (the sign-in keeps expiring).
 */
function failureReason(kind: PhotoSyncErrorKind): PhotoSyncErrorKind {
  return kind === 'staleDigest' ? 'unexpected' : kind === 'sessionRenewed' ? 'signedOut' : kind;
}

function failedResync(reason: PhotoSyncErrorKind, retryAt: number | undefined): ResyncOutcome {
  return retryAt === undefined ? { outcome: 'failed', reason } : { outcome: 'failed', reason, retryAt };
}
