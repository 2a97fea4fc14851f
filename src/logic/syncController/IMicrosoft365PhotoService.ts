import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { IPerson } from '../identity';

/** Reads the signed-in person's Microsoft 365 photo (Microsoft Graph). Throws PhotoSyncError. */
export interface IMicrosoft365PhotoService {
  /** The photo at the largest size up to 648×648, or undefined when the person has no photo. */
  getMyPhoto(): Promise<IMicrosoft365Photo | undefined>;
  /**
   * Which photo Microsoft 365 has now, without its bytes: Graph's @odata.mediaEtag, or undefined when the person has
   * no photo (a few hundred bytes, for a visit that may need nothing more).
   */
  getMyPhotoVersion(): Promise<{ etag: string | undefined } | undefined>;
  /** Whom Graph answers for: the token's user (`/me`: id and userPrincipalName). */
  getMyIdentity(): Promise<IPerson>;
}
