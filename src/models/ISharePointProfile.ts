/** What SharePoint's User Profile Application says about the signed-in person's photo (GetMyProperties). */
export interface ISharePointProfile {
  /** Claims login, e.g. i:0#.f|membership|adele@contoso.com */
  accountName: string;
  /** msOnline-ObjectId: the person's Entra ID object id, when SharePoint sends it. */
  objectId: string | undefined;
  email: string;
  displayName: string;
  /** PictureUrl: PictureURL plus ?t=<timestamp>, on the My Site host; undefined when SharePoint has no picture. */
  pictureUrl: string | undefined;
  /** SPS-PictureTimestamp as sent: seconds since 0001-01-01 UTC; changes whenever SharePoint stores a new photo. */
  pictureTimestamp: string | undefined;
  pictureChangedAt: Date | undefined;
  /** SPS-PicturePlaceholderState other than 0, or no PictureURL: SharePoint shows the grey silhouette. */
  isPlaceholder: boolean;
  /** SPS-PictureExchangeSyncState: true = SharePoint pulls photos from Microsoft 365, false = an admin turned it off. */
  pullsFromMicrosoft365: boolean | undefined;
}
