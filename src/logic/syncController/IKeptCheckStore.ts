import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { Verdict } from '../verdict';
import { ComparisonSensitivity } from '../photoComparison/comparePhotos';

/** A finished check, kept so that a visit where nothing changed needs neither the photos nor a comparison again. */
export interface IKeptCheck {
  /** When the check was made, ms since 1970. */
  checkedAt: number;
  /** undefined: the person had no Microsoft 365 photo. */
  microsoft365Photo: IMicrosoft365Photo | undefined;
  sharePointProfile: ISharePointProfile;
  sharePointImage: Blob;
  verdict: Verdict;
  /** The sensitivity the verdict was decided with: another one may decide otherwise. */
  sensitivity: ComparisonSensitivity;
}

/**
 * Keeps one check per person; implementations must never let one person read another's (the key is the person's
 * login name) and treat storage that fails as empty.
 */
export interface IKeptCheckStore {
  recall(loginName: string): Promise<IKeptCheck | undefined>;
  remember(loginName: string, check: IKeptCheck): Promise<void>;
  forget(loginName: string): Promise<void>;
  /** Deletes every other person's kept check: the next person on a shared browser finds no trace of the one before. */
  keepOnly(loginName: string): Promise<void>;
}
