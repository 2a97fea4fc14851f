import sharp from 'sharp';
import { IPixelImage } from '../../src/logic/photoComparison/IPixelImage';
import { ImageCodecError } from '../../src/services/imageCodec/ImageCodecError';

/**
 * Decodes like BrowserImageCodec does: EXIF orientation applied, transparency flattened onto white, RGBA out, scaled
 * down (never up) so the longer side is at most `maxSide` pixels; full size when `maxSide` is undefined.
 */
export async function decodeWithSharp(bytes: Uint8Array, maxSide?: number): Promise<IPixelImage> {
  try {
    // Inside the try: sharp throws synchronously for an empty input.
    let pipeline = sharp(bytes).rotate().flatten({ background: '#ffffff' });
    if (maxSide !== undefined) {
      pipeline = pipeline.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
    }
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data };
  } catch (error) {
    throw new ImageCodecError('undecodable', `The photo could not be decoded as an image (${String(error)}).`);
  }
}
