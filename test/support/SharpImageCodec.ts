import sharp from 'sharp';
import { IPixelImage } from '../../src/logic/photoComparison/IPixelImage';
import { IUploadLimits, planUpload } from '../../src/logic/uploadPlan';
import { encodeWithinLimit } from '../../src/services/imageCodec/encodeWithinLimit';
import { IImageCodec } from '../../src/logic/syncController/IImageCodec';
import { decodeWithSharp } from './decodeWithSharp';

/** IImageCodec backed by sharp, for jest tests in Node (`@jest-environment node`: jsdom's Blob cannot be read). */
export class SharpImageCodec implements IImageCodec {
  public async decode(image: Blob, maxSide: number): Promise<IPixelImage> {
    return decodeWithSharp(await readBytes(image), maxSide);
  }

  public async prepareForUpload(image: Blob, limits: IUploadLimits): Promise<Blob> {
    // Decoding the whole image first, as the browser does, rejects truncated files that a header check would pass.
    const pixels = await decodeWithSharp(await readBytes(image));
    const plan = planUpload(
      { byteLength: image.size, width: pixels.width, height: pixels.height, mimeType: image.type },
      limits
    );
    if (plan.kind === 'asIs') {
      return image;
    }
    const scaled = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } }).resize(
      plan.width,
      plan.height,
      { fit: 'fill' }
    );
    return encodeWithinLimit(
      async (quality) => {
        const jpeg = await scaled.clone().jpeg({ quality: Math.round(quality * 100) }).toBuffer();
        return new Blob([jpeg], { type: 'image/jpeg' });
      },
      plan.qualities,
      limits.maxBytes
    );
  }
}

async function readBytes(image: Blob): Promise<Uint8Array> {
  return new Uint8Array(await image.arrayBuffer());
}
