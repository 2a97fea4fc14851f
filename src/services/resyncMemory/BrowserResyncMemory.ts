import { IAutoResyncAttempt, IResyncMemory, IStoredResync } from '../../logic/syncController/IResyncMemory';

/** The part of the Web Storage API it needs (window.localStorage in SharePoint; a Map-backed fake in tests). */
export interface IKeyValueStorage {
  getItem(key: string): string | null; // eslint-disable-line @rushstack/no-new-null
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY_PREFIX: string = 'profilePhotoSync.storedResync:';
const AUTO_KEY_PREFIX: string = 'profilePhotoSync.autoResync:';

/**
 * Remembers stored resyncs in the browser's local storage, one entry per signed-in account: the key carries the
 * account name, so another person on the same browser reads nothing of it. The entries hold only a picture timestamp,
 * an etag and a time. Storage that is full, disabled or malformed is treated as empty: the cost is a second upload.
 */
export class BrowserResyncMemory implements IResyncMemory {
  private readonly _storage: () => IKeyValueStorage;

  /** @param storage gives the storage when asked: reading window.localStorage itself throws where storage is blocked */
  public constructor(storage: () => IKeyValueStorage) {
    this._storage = storage;
  }

  public recall(accountName: string): IStoredResync | undefined {
    try {
      const raw: string | null = this._storage().getItem(KEY_PREFIX + accountName); // eslint-disable-line @rushstack/no-new-null
      const value: Partial<IStoredResync> | undefined = raw ? JSON.parse(raw) : undefined;
      return value && typeof value.pictureTimestamp === 'string' && typeof value.storedAt === 'number'
        ? { pictureTimestamp: value.pictureTimestamp, microsoft365Etag: typeof value.microsoft365Etag === 'string' ? value.microsoft365Etag : undefined, storedAt: value.storedAt }
        : undefined;
    } catch {
      return undefined;
    }
  }

  public remember(accountName: string, resync: IStoredResync): void {
    try {
      this._storage().setItem(KEY_PREFIX + accountName, JSON.stringify(resync));
    } catch {
      // Storage full or disabled: nothing is remembered.
    }
  }

  public forget(accountName: string): void {
    try {
      this._storage().removeItem(KEY_PREFIX + accountName);
    } catch {
      // Nothing to forget where nothing could be stored.
    }
  }

  public recallAutoResync(accountName: string): IAutoResyncAttempt | undefined {
    try {
      const raw: string | null = this._storage().getItem(AUTO_KEY_PREFIX + accountName); // eslint-disable-line @rushstack/no-new-null
      const value: Partial<IAutoResyncAttempt> | undefined = raw ? JSON.parse(raw) : undefined;
      return value && typeof value.triedAt === 'number'
        ? { microsoft365Etag: typeof value.microsoft365Etag === 'string' ? value.microsoft365Etag : undefined, triedAt: value.triedAt }
        : undefined;
    } catch {
      return undefined;
    }
  }

  public rememberAutoResync(accountName: string, attempt: IAutoResyncAttempt): void {
    try {
      this._storage().setItem(AUTO_KEY_PREFIX + accountName, JSON.stringify(attempt));
    } catch {
      // Storage full or disabled: auto-resync may try again on the next visit.
    }
  }
}
