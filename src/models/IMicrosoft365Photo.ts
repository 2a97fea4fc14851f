/** The signed-in person's photo as Microsoft 365 (Graph /me/photo) has it. */
export interface IMicrosoft365Photo {
  /** Graph's @odata.mediaEtag: changes whenever the photo changes (Graph ignores If-None-Match on $value). */
  etag: string | undefined;
  /** Pixel size of the bytes in `image`, from the metadata of the size that was read. */
  width: number;
  height: number;
  image: Blob;
}
