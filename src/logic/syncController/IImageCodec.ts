import { IPixelImage } from '../photoComparison/IPixelImage';
import { IUploadLimits } from '../uploadPlan';

/** Turns photo bytes into pixels for comparison, and into bytes SharePoint accepts. Failures are `ImageCodecError`s, which are PhotoSyncErrors of kind invalidImage. */
export interface IImageCodec {
  /**
   * Decodes the image (EXIF orientation applied, transparency flattened onto white) and scales it down so the longer
   * side is at most `maxSide` pixels: the comparison needs little, and a 3000-px photo decoded at full size would cost
   * ~36 MB of pixels.
   */
  decode(image: Blob, maxSide: number): Promise<IPixelImage>;

  /**
   * Returns `image` itself when it is a JPEG or PNG within the limits; otherwise a JPEG scaled so its longer side is at
   * most `limits.maxSide` and its size at most `limits.maxBytes`, at the highest quality that fits.
   */
  prepareForUpload(image: Blob, limits: IUploadLimits): Promise<Blob>;
}
