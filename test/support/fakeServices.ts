import sharp from 'sharp';
import { IMicrosoft365Photo } from '../../src/models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../src/models/ISharePointProfile';
import { PhotoSyncError } from '../../src/logic/PhotoSyncError';
import { IMicrosoft365PhotoService } from '../../src/logic/syncController/IMicrosoft365PhotoService';
import { ISharePointProfileService, IUploadTicket } from '../../src/logic/syncController/ISharePointProfileService';
import { IPerson } from '../../src/logic/identity';

/** The person every fake answers for unless told otherwise, and whom the controllers in tests are opened for. */
export const ADELE: IPerson = { loginName: 'adele@contoso.example', objectId: '306225cd-94aa-4c5f-9a13-1a2344795973' };

export function jpegBlob(bytes: Buffer): Blob {
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
}

/** Microsoft 365 holding one photo, none, or failing in a given way. */
export class FakeMicrosoft365 implements IMicrosoft365PhotoService {
  public reads: number = 0;

  public identityReads: number = 0;

  public constructor(private readonly _answer: IMicrosoft365Photo | undefined | PhotoSyncError, private readonly _identity: IPerson = ADELE) {}

  public versionReads: number = 0;

  public async getMyPhotoVersion(): Promise<{ etag: string | undefined } | undefined> {
    this.versionReads++;
    if (this._answer instanceof PhotoSyncError) {
      throw this._answer;
    }
    return this._answer && { etag: this._answer.etag };
  }

  public async getMyIdentity(): Promise<IPerson> {
    this.identityReads++;
    return this._identity;
  }

  public async getMyPhoto(): Promise<IMicrosoft365Photo | undefined> {
    this.reads++;
    if (this._answer instanceof PhotoSyncError) {
      throw this._answer;
    }
    return this._answer;
  }
}

export interface IFakeSharePointOptions {
  /** SharePoint's current copy (a JPEG), or undefined for the placeholder. */
  picture: Buffer | undefined;
  placeholder: Buffer;
  /**
   * 'accept' stores uploads; 'refuse' answers uploadRefused; 'keepOld' stores it (a new picture timestamp) but goes
   * on serving the old image, as a lagging picture cache does; 'ignore' answers OK and stores nothing.
   */
  onUpload: 'accept' | 'refuse' | 'keepOld' | 'ignore';
  /** Every read after an upload fails as if the network were gone (or with this error). */
  readsFailAfterUpload?: boolean | PhotoSyncError;
  /** Whom SharePoint answers for: by default ADELE; a function answers per read (the nth profile read, from 0). */
  account?: IPerson | ((read: number) => IPerson);
  /** Errors thrown by the upload, in turn, before the upload behaves as onUpload says. */
  uploadErrors?: PhotoSyncError[];
  /** What each upload ticket in turn does: undefined works, an error is thrown instead. */
  ticketErrors?: Array<PhotoSyncError | undefined>;
  /** When SharePoint's profile says its picture last changed (SPS-PictureTimestamp); by default it does not say. */
  pictureChangedAt?: Date;
}

/**
 * SharePoint's profile in memory, behaving like the real one on upload: it regenerates a 240-px JPEG thumbnail
 * from the bytes (real re-encoding with sharp) and advances the picture timestamp.
 */
export class FakeSharePoint implements ISharePointProfileService {
  public readonly uploads: Blob[] = [];
  /** Every upload attempt, including those that threw before storing anything. */
  public uploadAttempts: number = 0;
  public tickets: number = 0;
  public profileReads: number = 0;
  private _picture: Buffer | undefined;
  private _timestamp: number = 63871724126;

  public constructor(private readonly _options: IFakeSharePointOptions) {
    this._picture = _options.picture;
  }

  public async getMyProfile(): Promise<ISharePointProfile> {
    const read: number = this.profileReads++;
    const failure: boolean | PhotoSyncError | undefined = this._options.readsFailAfterUpload;
    if (failure && this.uploads.length > 0) {
      throw failure instanceof PhotoSyncError ? failure : new PhotoSyncError('network', 'Failed to fetch');
    }
    const has: boolean = this._picture !== undefined;
    const account: IPerson = typeof this._options.account === 'function' ? this._options.account(read) : this._options.account ?? ADELE;
    return {
      accountName: `i:0#.f|membership|${account.loginName}`,
      objectId: account.objectId,
      email: account.loginName,
      displayName: 'Adele',
      pictureUrl: has ? `https://contoso-my.example/User%20Photos/Profile%20Pictures/adele_MThumb.jpg?t=${this._timestamp}` : undefined,
      pictureTimestamp: has ? String(this._timestamp) : undefined,
      pictureChangedAt: this._options.pictureChangedAt,
      isPlaceholder: !has,
      pullsFromMicrosoft365: true
    };
  }

  public versionReads: number = 0;
  public pictureReads: number = 0;

  public async getMyPictureVersion(): Promise<{ accountName: string; pictureUrl: string | undefined }> {
    this.versionReads++;
    this.profileReads--;
    const profile: ISharePointProfile = await this.getMyProfile();
    return { accountName: profile.accountName, pictureUrl: profile.pictureUrl };
  }

  public async getPicture(): Promise<Blob> {
    this.pictureReads++;
    const failure: boolean | PhotoSyncError | undefined = this._options.readsFailAfterUpload;
    if (failure && this.uploads.length > 0) {
      throw failure instanceof PhotoSyncError ? failure : new PhotoSyncError('network', 'Failed to fetch');
    }
    return jpegBlob(this._picture ?? this._options.placeholder);
  }

  /** For each ticket, whether a renewed digest was asked for. */
  public readonly renewals: boolean[] = [];

  public async prepareUpload(renewDigest: boolean): Promise<IUploadTicket> {
    this.tickets++;
    this.renewals.push(renewDigest);
    const error: PhotoSyncError | undefined = this._options.ticketErrors?.shift();
    if (error) {
      throw error;
    }
    const profile: ISharePointProfile = await this.getMyProfile();
    return { profile, upload: (image: Blob) => this._upload(image) };
  }

  private async _upload(image: Blob): Promise<void> {
    this.uploadAttempts++;
    const error: PhotoSyncError | undefined = this._options.uploadErrors?.shift();
    if (error) {
      throw error;
    }
    this.uploads.push(image);
    if (this._options.onUpload === 'refuse') {
      throw new PhotoSyncError('uploadRefused', 'SharePoint answered 403', 403);
    }
    if (this._options.onUpload === 'ignore') {
      return;
    }
    this._timestamp++;
    if (this._options.onUpload === 'accept') {
      const bytes: Buffer = Buffer.from(await image.arrayBuffer());
      this._picture = await sharp(bytes).resize(240, 240, { fit: 'cover' }).jpeg({ quality: 75 }).toBuffer();
    }
  }
}
