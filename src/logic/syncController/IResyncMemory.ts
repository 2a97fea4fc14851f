/**
 * A resync SharePoint stored while its picture cache still served the previous picture, remembered so that the next
 * visit does not call the photos out of sync and upload the same photo again while the cache catches up.
 */
export interface IStoredResync {
  /** SharePoint's SPS-PictureTimestamp after the upload (its own clock). */
  pictureTimestamp: string;
  /** The Microsoft 365 photo that was uploaded, by Graph's @odata.mediaEtag. */
  microsoft365Etag: string | undefined;
  /** When it was stored, ms since 1970. */
  storedAt: number;
}

/** An automatic resync, remembered so that it is tried once per Microsoft 365 photo, not on every page view. */
export interface IAutoResyncAttempt {
  /** The Microsoft 365 photo it uploaded, by Graph's @odata.mediaEtag. */
  microsoft365Etag: string | undefined;
  /** When it was tried, ms since 1970. */
  triedAt: number;
}

/** Keeps one entry of each kind per person; implementations must never let one person read another's. */
export interface IResyncMemory {
  recall(accountName: string): IStoredResync | undefined;
  remember(accountName: string, resync: IStoredResync): void;
  forget(accountName: string): void;
  recallAutoResync(accountName: string): IAutoResyncAttempt | undefined;
  rememberAutoResync(accountName: string, attempt: IAutoResyncAttempt): void;
  /**
   * Deletes every entry of every other person: on a shared browser, the next person to use the web part leaves no
   * trace of the one before (and storage stays bounded at one person's entries).
   */
  keepOnly(accountName: string): void;
}
