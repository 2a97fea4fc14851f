import { ISharePointProfile } from '../../models/ISharePointProfile';

/**
 * One chance to write the picture: the profile SharePoint answered for and a request digest, both read in the same
 * round trip under the same sign-in, so the controller can check whose profile it is before anything is written.
 */
export interface IUploadTicket {
  profile: ISharePointProfile;
  /**
   * Uploads raw image bytes as that person's profile picture, with the ticket's digest. Resolves only when SharePoint's
   * answer says it accepted them; throws PhotoSyncError: 'staleDigest' or 'sessionRenewed' (nothing stored: ask
   * for a new ticket), 'uploadRefused',
   * 'badResponse' (an answer that is not SharePoint's success), 'timeout' (no answer: it may still be applied), …
   */
  upload(image: Blob): Promise<void>;
}

/** Reads and writes the signed-in person's SharePoint profile photo. Throws PhotoSyncError. */
export interface ISharePointProfileService {
  getMyProfile(): Promise<ISharePointProfile>;
  /**
   * Whose profile SharePoint answers with and which picture it holds (PictureUrl carries the picture timestamp), and
   * nothing else: a few hundred bytes, for a visit that may need nothing more.
   */
  getMyPictureVersion(): Promise<{ accountName: string; pictureUrl: string | undefined }>;
  /**
   * The image SharePoint shows for the person with this login name (a UPN or claims login), read from the current
   * site's origin so its pixels can be read, never from the browser's cache.
   */
  getPicture(loginName: string): Promise<Blob>;
  /**
   * Reads the profile, with a request digest: the page's own while it is valid (SharePoint issued it to the page's
   * person), otherwise, or when `renewDigest` says the last one was refused, a fresh one read together with the
   * profile (one round trip either way). Throws PhotoSyncError 'sessionRenewed' when the SharePoint session was
   * renewed while it read: ask again.
   */
  prepareUpload(renewDigest: boolean): Promise<IUploadTicket>;
}
