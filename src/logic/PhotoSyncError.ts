/**
 * The project's own error kinds. Services translate wire errors (HTTP statuses, OData and Graph error bodies,
 * token errors, decode failures) into these once; everything above the services speaks only in these kinds.
 */
export type PhotoSyncErrorKind =
  /** Graph permission User.Read not approved (401/403 from Graph, or AADSTS65001 while getting the token). */
  | 'permissionMissing'
  /** Graph or SharePoint kept answering 429/503 after the bounded retries. */
  | 'throttled'
  /** The request never got an answer (offline, DNS, CORS, connection refused). */
  | 'network'
  /** An answer did not arrive within the time the web part waits; the request was aborted. */
  | 'timeout'
  /**
   * SharePoint's account is not the person the page was opened for (someone signed in to SharePoint as another
   * person in another tab), or Graph and SharePoint answer for different people. Nothing is written then.
   */
  | 'accountChanged'
  /** SharePoint refused the request digest (-2130575251 or -2130575252): a fresh one, for the same person, may work. */
  | 'staleDigest'
  /**
   * The SharePoint session was renewed (in Teams) after, or while, the profile and digest for an upload were read:
   * nothing was stored, and a new ticket, with its identity check, may work.
   */
  | 'sessionRenewed'
  /** An answer arrived but was not what the documented wire format promises (malformed JSON, missing fields). */
  | 'badResponse'
  /** Bytes that do not decode as an image. Nothing is ever uploaded in this case. */
  | 'invalidImage'
  /** SharePoint answered the upload with an error (not a stale digest, not throttling). */
  | 'uploadRefused'
  /** SharePoint does not know the user any more (401): the session expired. */
  | 'signedOut'
  /** Anything else. */
  | 'unexpected';

export class PhotoSyncError extends Error {
  public readonly kind: PhotoSyncErrorKind;
  /** HTTP status where there was one; for logs and tests, never shown to the user. */
  public readonly status: number | undefined;
  /** For 'throttled': how long the server asked to wait before trying again, in milliseconds, when it said. */
  public readonly retryAfterMs: number | undefined;

  public constructor(kind: PhotoSyncErrorKind, message: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.name = 'PhotoSyncError';
    this.kind = kind;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    // Keeps instanceof working when TypeScript compiles classes extending Error down to ES5 (the SPFx target).
    Object.setPrototypeOf(this, PhotoSyncError.prototype);
  }
}

/** Any thrown value as a PhotoSyncError, so callers never have to look at raw errors. */
export function toPhotoSyncError(error: unknown): PhotoSyncError {
  if (error instanceof PhotoSyncError) {
    return error;
  }
  const message: string = error instanceof Error ? error.message : String(error);
  return new PhotoSyncError('unexpected', message);
}
