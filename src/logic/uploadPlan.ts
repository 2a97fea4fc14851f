/** What SharePoint's SetMyProfilePicture accepts, and what is worth sending it. */
export interface IUploadLimits {
  /** Longer side in pixels. */
  readonly maxSide: number;
  readonly maxBytes: number;
}

/**
 * 648 px is Graph's largest standard photo size (docs/dev/platform-facts.md#photo-sizes) and SharePoint keeps nothing larger than its ~300-px
 * L thumbnail, so a larger upload only costs time. 4,760,000 bytes is the lower of the two documented upload limits
 * (4.76 MB; the CSOM docs say 5,000,000; docs/dev/platform-facts.md#setmyprofilepicture).
 */
export const SHAREPOINT_UPLOAD_LIMITS: IUploadLimits = { maxSide: 648, maxBytes: 4760000 };

/** What the codec found out about an image before uploading it. */
export interface IImageFacts {
  readonly byteLength: number;
  /** Pixels, after applying the EXIF orientation. */
  readonly width: number;
  readonly height: number;
  /** As reported by the response or Blob; may be empty or oddly cased (Graph once sent `image/Jpeg`). */
  readonly mimeType: string;
}

export type UploadPlan =
  | { readonly kind: 'asIs' }
  | {
      readonly kind: 'reencodeJpeg';
      readonly width: number;
      readonly height: number;
      /** Canvas-style qualities (0–1) to try in order until the result fits in `maxBytes`. */
      readonly qualities: ReadonlyArray<number>;
    };

/**
 * 0.9 first: visually lossless for a portrait; at 648 px it is ~50–200 KB, far below the byte limit, so the lower
 * steps only matter when a caller sets much tighter limits.
 */
const JPEG_QUALITIES: ReadonlyArray<number> = [0.9, 0.8, 0.7, 0.6, 0.5];

/** SetMyProfilePicture also takes BMP, but a BMP is large and gains nothing over a JPEG of the same pixels. */
const UPLOADABLE_AS_IS: ReadonlyArray<string> = ['image/jpeg', 'image/png'];

/** Sends a JPEG or PNG that already fits as it is; anything else becomes a JPEG that fits. */
export function planUpload(image: IImageFacts, limits: IUploadLimits): UploadPlan {
  const mimeType = image.mimeType.split(';')[0].trim().toLowerCase();
  const fits =
    UPLOADABLE_AS_IS.indexOf(mimeType) >= 0 &&
    image.byteLength <= limits.maxBytes &&
    Math.max(image.width, image.height) <= limits.maxSide;
  if (fits) {
    return { kind: 'asIs' };
  }
  const { width, height } = fitWithin(image.width, image.height, limits.maxSide);
  return { kind: 'reencodeJpeg', width, height, qualities: JPEG_QUALITIES };
}

/** The size that keeps the aspect ratio with the longer side at most `maxSide` pixels; never enlarges. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  if (!(maxSide >= 1)) {
    throw new RangeError(`maxSide must be at least 1 pixel, got ${maxSide}.`);
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale))
  };
}
