import { IRecentCheck, IRecentCheckStore } from '../../logic/nudge/IRecentCheck';
import { INudgeQuiet } from '../../logic/nudge/nudgePolicy';
import { IKeyValueStorage, readRecord, removeRecord, writeRecord } from '../browserStorage/keyValueRecords';

const RECENT_CHECK_KEY: string = 'profilePhotoSync.recentCheck';
const NUDGE_QUIET_KEY: string = 'profilePhotoSync.nudgeQuiet';

const VERDICTS: ReadonlyArray<IRecentCheck['verdict']> = ['inSync', 'outOfSync', 'placeholder', 'noMicrosoft365Photo', 'awaitingCache', 'cantCheck'];

/**
 * The recent check in the browser's local storage: one record, the person's key inside it, so a new person's check
 * replaces the one before and storage stays bounded at one small entry. It holds a person key (an object id), a time,
 * an etag and a verdict; no photo, no name. Read synchronously, in well under a millisecond: it is what the nudge reads
 * on every page view. Storage that is blocked, full or malformed reads as none (the cost: one more check).
 */
export class BrowserRecentCheckStore implements IRecentCheckStore {
  private readonly _storage: () => IKeyValueStorage;

  public constructor(storage: () => IKeyValueStorage) {
    this._storage = storage;
  }

  public recall(): IRecentCheck | undefined {
    const value: Partial<IRecentCheck> | undefined = readRecord(this._storage, RECENT_CHECK_KEY);
    return value && typeof value.person === 'string' && typeof value.checkedAt === 'number' && VERDICTS.indexOf(value.verdict as IRecentCheck['verdict']) >= 0
      ? { person: value.person, checkedAt: value.checkedAt, microsoft365Etag: typeof value.microsoft365Etag === 'string' ? value.microsoft365Etag : undefined, verdict: value.verdict as IRecentCheck['verdict'] }
      : undefined;
  }

  public remember(check: IRecentCheck): void {
    writeRecord(this._storage, RECENT_CHECK_KEY, check);
  }
}

/** "Not now", kept the same way: one record, the person's key inside it. */
export class BrowserNudgeQuiet {
  private readonly _storage: () => IKeyValueStorage;

  public constructor(storage: () => IKeyValueStorage) {
    this._storage = storage;
  }

  /** The person's quiet; another person's record is deleted when found (a shared browser keeps no trace of them). */
  public recall(person: string): INudgeQuiet | undefined {
    const value: Partial<INudgeQuiet> | undefined = readRecord(this._storage, NUDGE_QUIET_KEY);
    if (value && value.person !== person) {
      removeRecord(this._storage, NUDGE_QUIET_KEY);
      return undefined;
    }
    return value && typeof value.until === 'number' ? { person, until: value.until } : undefined;
  }

  public remember(quiet: INudgeQuiet): void {
    writeRecord(this._storage, NUDGE_QUIET_KEY, quiet);
  }
}
