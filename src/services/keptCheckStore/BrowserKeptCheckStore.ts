import { IKeptCheck, IKeptCheckStore } from '../../logic/syncController/IKeptCheckStore';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { Verdict } from '../../logic/verdict';

/** The part of the Cache Storage API it needs (window.caches in SharePoint). */
export interface ICacheStorage {
  open(name: string): Promise<ICache>;
}

export interface ICache {
  keys(): Promise<ReadonlyArray<{ url: string }>>;
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

const CACHE_NAME: string = 'profile-photo-sync';
/** Where the keys live on the page's origin (nothing serves them; they are never fetched). */
const ROOT_PATH: string = '/_profile-photo-sync-cache/';

/**
 * Stamps each kept image with its check's time: two tabs keeping checks at once can interleave their writes, and an
 * image found with another check's record (a Microsoft 365 photo under someone else's etag) must read as nothing.
 */
const CHECKED_AT_HEADER: string = 'X-Profile-Photo-Sync-Checked-At';

interface IStoredCheck {
  checkedAt: number;
  microsoft365: { etag: string | undefined; width: number; height: number; type: string } | undefined;
  sharePointProfile: Omit<ISharePointProfile, 'pictureChangedAt'> & { pictureChangedAt: string | undefined };
  sharePointImageType: string;
  verdict: Verdict;
  sensitivity: IKeptCheck['sensitivity'];
}

/**
 * Keeps the last check of the person using the web part in the browser's Cache Storage: a small JSON record and the
 * two images, under keys made of the person's login name. Only one person's check is ever kept: once another person
 * uses the web part on the same browser, the previous person's photos and profile record are deleted before anything
 * is read or written for the new one (a shared computer keeps no trace of who used it before, and the storage stays
 * bounded at three entries). An expired check is deleted by the controller that finds it too old.
 * Keys are URLs on the page's origin that nothing serves; they are never fetched. Storage that is missing (not a
 * secure context), full or malformed reads as empty: the cost is one full check.
 */
export class BrowserKeptCheckStore implements IKeptCheckStore {
  private readonly _storage: () => ICacheStorage | undefined;
  private readonly _origin: string;

  /**
   * @param storage gives the Cache Storage when asked (window.caches; undefined where the browser has none)
   * @param origin the page's origin, for the keys
   */
  public constructor(storage: () => ICacheStorage | undefined, origin: string) {
    this._storage = storage;
    this._origin = origin;
  }

  public async recall(loginName: string): Promise<IKeptCheck | undefined> {
    try {
      const cache: ICache | undefined = await this._open();
      const recordAnswer: Response | undefined = cache && await cache.match(this._key(loginName, 'check'));
      if (!cache || !recordAnswer) {
        return undefined;
      }
      const record: IStoredCheck = await recordAnswer.json();
      const [microsoft365, sharePoint] = await Promise.all([
        record.microsoft365 ? cache.match(this._key(loginName, 'microsoft365')) : Promise.resolve(undefined),
        cache.match(this._key(loginName, 'sharepoint'))
      ]);
      if (!sharePoint || (record.microsoft365 && !microsoft365) || typeof record.checkedAt !== 'number' || !record.verdict ||
        !isStampedWith(sharePoint, record.checkedAt) || (microsoft365 && !isStampedWith(microsoft365, record.checkedAt))) {
        return undefined;
      }
      const profile: IStoredCheck['sharePointProfile'] = record.sharePointProfile;
      return {
        checkedAt: record.checkedAt,
        microsoft365Photo: record.microsoft365 && microsoft365 ? {
          etag: record.microsoft365.etag,
          width: record.microsoft365.width,
          height: record.microsoft365.height,
          image: await microsoft365.blob()
        } : undefined,
        sharePointProfile: { ...profile, pictureChangedAt: profile.pictureChangedAt ? new Date(profile.pictureChangedAt) : undefined },
        sharePointImage: await sharePoint.blob(),
        verdict: record.verdict,
        sensitivity: record.sensitivity
      };
    } catch {
      return undefined;
    }
  }

  public async remember(loginName: string, check: IKeptCheck): Promise<void> {
    try {
      const cache: ICache | undefined = await this._open();
      if (!cache) {
        return;
      }
      const photo = check.microsoft365Photo;
      const record: IStoredCheck = {
        checkedAt: check.checkedAt,
        microsoft365: photo && { etag: photo.etag, width: photo.width, height: photo.height, type: photo.image.type },
        sharePointProfile: { ...check.sharePointProfile, pictureChangedAt: check.sharePointProfile.pictureChangedAt?.toISOString() },
        sharePointImageType: check.sharePointImage.type,
        verdict: check.verdict,
        sensitivity: check.sensitivity
      };
      await this._keepOnly(cache, loginName);
      // The images first: a record is only ever found with its images in place.
      await cache.delete(this._key(loginName, 'check'));
      await Promise.all([
        photo ? cache.put(this._key(loginName, 'microsoft365'), stamped(photo.image, check.checkedAt)) : cache.delete(this._key(loginName, 'microsoft365')),
        cache.put(this._key(loginName, 'sharepoint'), stamped(check.sharePointImage, check.checkedAt))
      ]);
      await cache.put(this._key(loginName, 'check'), new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } }));
    } catch {
      // Storage full or unavailable: nothing is kept.
    }
  }

  public async forget(loginName: string): Promise<void> {
    try {
      const cache: ICache | undefined = await this._open();
      if (cache) {
        await Promise.all(['check', 'microsoft365', 'sharepoint'].map((part) => cache.delete(this._key(loginName, part))));
      }
    } catch {
      // Nothing to forget where nothing could be kept.
    }
  }

  public async keepOnly(loginName: string): Promise<void> {
    try {
      const cache: ICache | undefined = await this._open();
      if (cache) {
        await this._keepOnly(cache, loginName);
      }
    } catch {
      // Nothing to delete where nothing could be kept.
    }
  }

  /** Deletes every entry that belongs to another person than the one using the web part now. */
  private async _keepOnly(cache: ICache, loginName: string): Promise<void> {
    const root: string = `${this._origin}${ROOT_PATH}`;
    const mine: string = this._key(loginName, '');
    const others: string[] = (await cache.keys()).map((request) => request.url).filter((url) => url.indexOf(root) === 0 && url.indexOf(mine) !== 0);
    await Promise.all(others.map((url) => cache.delete(url)));
  }

  private async _open(): Promise<ICache | undefined> {
    const storage: ICacheStorage | undefined = this._storage();
    return storage ? storage.open(CACHE_NAME) : undefined;
  }

  private _key(loginName: string, part: string): string {
    return `${this._origin}${ROOT_PATH}${encodeURIComponent(loginName.trim().toLowerCase())}/${part}`;
  }
}

function stamped(image: Blob, checkedAt: number): Response {
  return new Response(image, { headers: { [CHECKED_AT_HEADER]: String(checkedAt) } });
}

function isStampedWith(image: Response, checkedAt: number): boolean {
  return image.headers.get(CHECKED_AT_HEADER) === String(checkedAt);
}
