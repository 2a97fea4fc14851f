/**
 * Image work for both services, done with sharp: reading uploads, SharePoint's square thumbnails and Graph's
 * square photo sizes.
 */
import sharp from 'sharp';
import { decodeBmp, isBmp } from './bmp.mjs';

/** SharePoint takes BMP, JPEG or PNG profile pictures (docs/dev/platform-facts.md#setmyprofilepicture); BMP goes through bmp.mjs. */
const SHARP_FORMATS_SHAREPOINT_ACCEPTS = new Set(['jpeg', 'png']);

/** An upload SharePoint would reject as "Parameter is not valid." */
export class UnreadableImageError extends Error {}

/**
 * @typedef {object} DecodedImage
 * @property {import('sharp').Sharp} image a pipeline to `clone()` from
 * @property {number} width
 * @property {number} height
 */

/**
 * @param {Buffer} bytes
 * @returns {Promise<DecodedImage>}
 * @throws {UnreadableImageError}
 */
export async function readUpload(bytes) {
  try {
    if (isBmp(bytes)) {
      const bmp = decodeBmp(bytes);
      const raw = { width: bmp.width, height: bmp.height, channels: bmp.channels };
      return { image: sharp(bmp.data, { raw }), width: bmp.width, height: bmp.height };
    }
    const image = sharp(bytes);
    const { format, width, height } = await image.metadata();
    if (!SHARP_FORMATS_SHAREPOINT_ACCEPTS.has(format ?? '') || !width || !height) {
      throw new Error(`Format ${format} is not accepted`);
    }
    return { image, width, height };
  } catch (error) {
    throw new UnreadableImageError(String(error));
  }
}

/**
 * Square JPEG, centre-cropped to cover the square: what SharePoint's thumbnails and Graph's sized photos look like.
 * PNG transparency is flattened onto white rather than JPEG's default black.
 * @param {import('sharp').Sharp} image
 * @param {number} side pixels
 * @returns {Promise<Buffer>}
 * @throws {UnreadableImageError} when the pixels turn out to be corrupt (sharp reads headers lazily)
 */
export async function squareJpeg(image, side) {
  try {
    return await image
      .clone()
      .resize(side, side, { fit: 'cover', position: 'centre' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 88 })
      .toBuffer();
  } catch (error) {
    throw new UnreadableImageError(String(error));
  }
}

/**
 * @typedef {{ S: number, M: number, L: number }} ThumbnailSizes pixels per SharePoint size letter
 * @typedef {{ S: Buffer, M: Buffer, L: Buffer }} Thumbnails JPEG bytes per size letter
 */

/**
 * @param {import('sharp').Sharp} image
 * @param {ThumbnailSizes} sizes
 * @returns {Promise<Thumbnails>}
 */
export async function makeThumbnails(image, sizes) {
  const [S, M, L] = await Promise.all([squareJpeg(image, sizes.S), squareJpeg(image, sizes.M), aspectKeptJpeg(image, sizes.L)]);
  return { S, M, L };
}

/**
 * What SharePoint serves for a picture it holds: the picture's size and its thumbnails.
 * @param {Buffer} jpeg
 * @param {ThumbnailSizes} sizes
 * @returns {Promise<import('./state.mjs').SharePointPicture>}
 */
export async function sharePointPictureOf(jpeg, sizes) {
  const image = sharp(jpeg);
  const [{ width = 0, height = 0 }, thumbnails] = await Promise.all([image.metadata(), makeThumbnails(image, sizes)]);
  return { width, height, thumbnails };
}

/**
 * SharePoint's large thumbnail keeps the photo's aspect ratio, at most `maxWidth` wide
 * (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails).
 * @param {import('sharp').Sharp} image
 * @param {number} maxWidth pixels
 * @returns {Promise<Buffer>}
 */
async function aspectKeptJpeg(image, maxWidth) {
  try {
    return await image.clone().resize({ width: maxWidth, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 88 }).toBuffer();
  } catch (error) {
    throw new UnreadableImageError(String(error));
  }
}

/**
 * Re-encodes any readable image as JPEG (Graph stores and serves profile photos as JPEG).
 * @param {import('sharp').Sharp} image
 * @returns {Promise<Buffer>}
 */
export function toJpeg(image) {
  return image.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
}

/**
 * @param {Buffer} bytes
 * @returns {Promise<{ width: number, height: number }>}
 */
export async function imageSize(bytes) {
  const { width, height } = await sharp(bytes).metadata();
  return { width: width ?? 0, height: height ?? 0 };
}
