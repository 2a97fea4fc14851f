import { ISharePointProfile } from '../../models/ISharePointProfile';

/** Reads and writes the signed-in person's SharePoint profile photo. Throws PhotoSyncError. */
export interface ISharePointProfileService {
  getMyProfile(): Promise<ISharePointProfile>;
  /** The image SharePoint shows for this profile, read from the current site's origin so its pixels can be read. */
  getMyPicture(profile: ISharePointProfile): Promise<Blob>;
  /** Uploads raw image bytes as the person's own profile picture. */
  setMyProfilePicture(image: Blob): Promise<void>;
}
