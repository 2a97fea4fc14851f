import { IAutoResyncAttempt, IResyncMemory, IStoredResync } from '../../logic/syncController/IResyncMemory';
import { upnOf } from '../../logic/identity';
import { IKeyValueStorage, readRecord, removeRecord, writeRecord } from '../browserStorage/keyValueRecords';


const KEY_PREFIX: string = 'profilePhotoSync.storedResync:';
const AUTO_KEY_PREFIX: string = 'profilePhotoSync.autoResync:';

/**
 * Remembers stored resyncs in the browser's local storage, one entry of each kind per signed-in account: the key
 * carries the account name, so another person on the same browser reads nothing of it, and once another person uses
 * the web part on that browser, the previous person's entries are deleted (a shared computer keeps no trace of who
 * used it before, and storage stays bounded at one person's two entries). The entries hold only a picture timestamp,
 * an etag and a time. Storage that is full, disabled or malformed is treated as empty: the cost is a second upload.
 */
export class BrowserResyncMemory implements IResyncMemory {
  private readonly _storage: () => IKeyValueStorage;

  /** @param storage gives the storage when asked: reading window.localStorage itself throws where storage is blocked */
  public constructor(storage: () => IKeyValueStorage) {
    this._storage = storage;
  }

  public recall(accountName: string): IStoredResync | undefined {
    return this._read<IStoredResync>(KEY_PREFIX + personKey(accountName), (value) =>
      typeof value.pictureTimestamp === 'string' && typeof value.storedAt === 'number'
        ? { pictureTimestamp: value.pictureTimestamp, microsoft365Etag: etagOf(value.microsoft365Etag), storedAt: value.storedAt }
        : undefined);
  }

  public remember(accountName: string, resync: IStoredResync): void {
    this.keepOnly(accountName);
    this._write(KEY_PREFIX + personKey(accountName), resync);
  }

  public forget(accountName: string): void {
    removeRecord(this._storage, KEY_PREFIX + personKey(accountName));
  }

  public recallAutoResync(accountName: string): IAutoResyncAttempt | undefined {
    return this._read<IAutoResyncAttempt>(AUTO_KEY_PREFIX + personKey(accountName), (value) =>
      typeof value.triedAt === 'number' ? { microsoft365Etag: etagOf(value.microsoft365Etag), triedAt: value.triedAt } : undefined);
  }

  public rememberAutoResync(accountName: string, attempt: IAutoResyncAttempt): void {
    this.keepOnly(accountName);
    this._write(AUTO_KEY_PREFIX + personKey(accountName), attempt);
  }

  public keepOnly(accountName: string): void {
    try {
      const storage: IKeyValueStorage = this._storage();
      const mine: string[] = [KEY_PREFIX + personKey(accountName), AUTO_KEY_PREFIX + personKey(accountName)];
      const others: string[] = [];
      for (let index: number = 0; index < storage.length; index++) {
        const key: string | null = storage.key(index); // eslint-disable-line @rushstack/no-new-null
        if (key !== null && (key.indexOf(KEY_PREFIX) === 0 || key.indexOf(AUTO_KEY_PREFIX) === 0) && mine.indexOf(key) < 0) {
          others.push(key);
        }
      }
      others.forEach((key: string) => storage.removeItem(key));
    } catch {
      // Storage blocked: nothing was kept either.
    }
  }

  /** The entry under `key`, checked by `parse`; undefined when missing, malformed or unreadable. */
  private _read<T>(key: string, parse: (value: Partial<T>) => T | undefined): T | undefined {
    const value: Partial<T> | undefined = readRecord<T>(this._storage, key);
    return value && parse(value);
  }

  private _write(key: string, value: object): void {
    // Storage full or disabled: nothing is remembered (the cost is a second upload at worst).
    writeRecord(this._storage, key, value);
  }
}

/** One key per person whichever way the person is named (a UPN, or a claims login ending with one). */
function personKey(accountName: string): string {
  return upnOf(accountName);
}

function etagOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
