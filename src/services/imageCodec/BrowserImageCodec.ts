import { IPixelImage } from '../../logic/photoComparison/IPixelImage';
import { fitWithin, IUploadLimits, planUpload } from '../../logic/uploadPlan';
import { encodeWithinLimit } from './encodeWithinLimit';
import { IImageCodec } from '../../logic/syncController/IImageCodec';
import { ImageCodecError } from './ImageCodecError';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas with the scaled photo drawn on it, whichever kind of canvas the browser offers. */
interface IDrawing {
  readonly context: Context2D;
  toJpeg(quality: number): Promise<Blob>;
}

/** The browser's own decoder and canvas. Covered by the end-to-end tests: jsdom has no canvas. */
export class BrowserImageCodec implements IImageCodec {
  public async decode(image: Blob, maxSide: number): Promise<IPixelImage> {
    const bitmap = await decodeBitmap(image);
    try {
      const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
      const { context } = draw(bitmap, width, height);
      return { width, height, data: context.getImageData(0, 0, width, height).data };
    } finally {
      bitmap.close();
    }
  }

  public async prepareForUpload(image: Blob, limits: IUploadLimits): Promise<Blob> {
    const bitmap = await decodeBitmap(image);
    try {
      const plan = planUpload(
        { byteLength: image.size, width: bitmap.width, height: bitmap.height, mimeType: image.type },
        limits
      );
      if (plan.kind === 'asIs') {
        return image;
      }
      const drawing = draw(bitmap, plan.width, plan.height);
      return await encodeWithinLimit((quality) => drawing.toJpeg(quality), plan.qualities, limits.maxBytes);
    } finally {
      bitmap.close();
    }
  }
}

/** createImageBitmap applies the EXIF orientation and rejects bytes that are not an image it can decode. */
async function decodeBitmap(image: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(image);
  } catch (error) {
    throw new ImageCodecError('undecodable', `The photo could not be decoded as an image (${String(error)}).`);
  }
}

/**
 * Draws the bitmap scaled to width × height onto white: JPEG has no transparency, and a canvas would encode
 * transparent pixels as black. 'high' smoothing makes the browser filter properly when shrinking a large photo instead
 * of skipping pixels.
 */
function draw(bitmap: ImageBitmap, width: number, height: number): IDrawing {
  const drawing = createDrawing(width, height);
  const { context } = drawing;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return drawing;
}

/** OffscreenCanvas where the browser has it (it needs no document); a detached <canvas> elsewhere. */
function createDrawing(width: number, height: number): IDrawing {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    return {
      context: contextOrThrow(canvas.getContext('2d')),
      toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality })
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return {
    context: contextOrThrow(canvas.getContext('2d')),
    toJpeg: (quality) =>
      new Promise<Blob>((resolve, reject) => {
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the photo as JPEG.'))),
          'image/jpeg',
          quality
        );
      })
  };
}

/** getContext returns null when the browser cannot allocate the canvas (e.g. out of memory). */
// eslint-disable-next-line @rushstack/no-new-null
function contextOrThrow<T>(context: T | null): T {
  if (!context) {
    throw new Error('The browser could not create a canvas to process the photo.');
  }
  return context;
}
