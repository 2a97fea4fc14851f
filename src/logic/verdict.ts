import { PhotoSyncErrorKind } from './PhotoSyncError';

/** The one sentence the web part tells a person about their two photos. */
export type Verdict =
  | { kind: 'inSync' }
  | { kind: 'outOfSync' }
  | { kind: 'placeholder' }
  | { kind: 'noMicrosoft365Photo' }
  /** SharePoint stored the Microsoft 365 photo (a resync this browser made) but its picture cache still lags. */
  | { kind: 'awaitingCache' }
  /** retryAt: when the server said to try again (ms since 1970), when it was throttling and said. */
  | { kind: 'cantCheck'; reason: PhotoSyncErrorKind; retryAt?: number };

export interface IVerdictInput {
  /** Set when reading the Microsoft 365 photo failed. */
  microsoft365Error?: PhotoSyncErrorKind;
  /** Set when reading SharePoint's profile or image failed. */
  sharePointError?: PhotoSyncErrorKind;
  /** When the failing service said to try again (ms since 1970), if it said. */
  retryAt?: number;
  hasMicrosoft365Photo: boolean;
  sharePointIsPlaceholder: boolean;
  /** The perceptual comparison's answer; undefined when it could not run. */
  isSamePhoto: boolean | undefined;
}

export function decideVerdict(input: IVerdictInput): Verdict {
  if (input.microsoft365Error !== undefined) {
    return cantCheck(input.microsoft365Error, input.retryAt);
  }
  // Without a Microsoft 365 photo there is nothing to sync to, whatever SharePoint shows.
  if (!input.hasMicrosoft365Photo) {
    return { kind: 'noMicrosoft365Photo' };
  }
  if (input.sharePointError !== undefined) {
    return cantCheck(input.sharePointError, input.retryAt);
  }
  if (input.sharePointIsPlaceholder) {
    return { kind: 'placeholder' };
  }
  if (input.isSamePhoto === undefined) {
    return { kind: 'cantCheck', reason: 'unexpected' };
  }
  return input.isSamePhoto ? { kind: 'inSync' } : { kind: 'outOfSync' };
}

function cantCheck(reason: PhotoSyncErrorKind, retryAt: number | undefined): Verdict {
  return retryAt === undefined ? { kind: 'cantCheck', reason } : { kind: 'cantCheck', reason, retryAt };
}

/** Resync makes sense only when there is a Microsoft 365 photo and SharePoint shows something else. */
export function canResync(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && (verdict.kind === 'outOfSync' || verdict.kind === 'placeholder');
}
