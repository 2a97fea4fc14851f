/** @jest-environment node */
import sharp from 'sharp';
import { IUploadLimits, SHAREPOINT_UPLOAD_LIMITS } from '../../src/logic/uploadPlan';
import { isImageCodecError } from '../../src/services/imageCodec/ImageCodecError';
import { renderLargePhoto, renderPortrait } from './emulatorPortraits';
import { SharpImageCodec } from './SharpImageCodec';

const codec = new SharpImageCodec();

function blobOf(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes], { type });
}

async function sizeOf(blob: Blob): Promise<{ format?: string; width?: number; height?: number }> {
  const { format, width, height } = await sharp(new Uint8Array(await blob.arrayBuffer())).metadata();
  return { format, width, height };
}

async function codecErrorKind(promise: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  return isImageCodecError(error) ? error.problem : undefined;
}

describe('SharpImageCodec.decode', () => {
  it('scales a 3000 × 2000 photo down so its longer side fits maxSide', async () => {
    const image = await codec.decode(blobOf(await renderLargePhoto('ines'), 'image/jpeg'), 256);

    expect([image.width, image.height]).toEqual([256, 171]);
    expect(image.data.length).toBe(256 * 171 * 4);
  });

  it('never enlarges a small photo', async () => {
    const image = await codec.decode(blobOf(await renderPortrait('amara', 48), 'image/jpeg'), 256);

    expect([image.width, image.height]).toEqual([48, 48]);
  });

  it('flattens transparent pixels onto white, as the JPEG SharePoint keeps would show them', async () => {
    const transparent = await sharp({ create: { width: 4, height: 4, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();

    const image = await codec.decode(blobOf(transparent, 'image/png'), 256);

    expect(Array.from(image.data.slice(0, 4))).toEqual([255, 255, 255, 255]);
  });

  it('turns the photo upright as its EXIF orientation says', async () => {
    const sideways = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const image = await codec.decode(blobOf(sideways, 'image/jpeg'), 256);

    expect([image.width, image.height]).toEqual([20, 40]);
  });

  it.each([
    ['an HTML error page', new TextEncoder().encode('<html><body>Sign in</body></html>')],
    ['an empty body', new Uint8Array(0)]
  ])('fails with an undecodable codec error for %s', async (_name, bytes) => {
    expect(await codecErrorKind(codec.decode(blobOf(bytes, 'image/jpeg'), 256))).toBe('undecodable');
  });

  it('fails with an undecodable codec error for a truncated JPEG', async () => {
    const jpeg = await renderPortrait('chiara', 240);

    const kind = await codecErrorKind(codec.decode(blobOf(jpeg.subarray(0, jpeg.length >> 1), 'image/jpeg'), 256));

    expect(kind).toBe('undecodable');
  });
});

describe('SharpImageCodec.prepareForUpload', () => {
  it('returns a 648-px JPEG within the limits unchanged', async () => {
    const photo = blobOf(await renderPortrait('elif', 648), 'image/jpeg');

    expect(await codec.prepareForUpload(photo, SHAREPOINT_UPLOAD_LIMITS)).toBe(photo);
  });

  it('re-encodes a photo over 5 MB and 3000 px wide as a 648-px JPEG within the byte limit', async () => {
    const large = blobOf(await renderLargePhoto('greta'), 'image/jpeg');
    expect(large.size).toBeGreaterThan(SHAREPOINT_UPLOAD_LIMITS.maxBytes);

    const upload = await codec.prepareForUpload(large, SHAREPOINT_UPLOAD_LIMITS);

    expect(upload.type).toBe('image/jpeg');
    expect(upload.size).toBeLessThanOrEqual(SHAREPOINT_UPLOAD_LIMITS.maxBytes);
    expect(await sizeOf(upload)).toEqual({ format: 'jpeg', width: 648, height: 432 });
  }, 30000);

  it('re-encodes a WebP as a JPEG of the same size', async () => {
    const webp = await sharp(await renderPortrait('farid', 120)).webp().toBuffer();

    const upload = await codec.prepareForUpload(blobOf(webp, 'image/webp'), SHAREPOINT_UPLOAD_LIMITS);

    expect(await sizeOf(upload)).toEqual({ format: 'jpeg', width: 120, height: 120 });
  });

  it('lowers the JPEG quality until the photo fits the byte limit', async () => {
    const webp = blobOf(await sharp(await renderLargePhoto('hugo')).resize(648).webp().toBuffer(), 'image/webp');
    const best = await codec.prepareForUpload(webp, SHAREPOINT_UPLOAD_LIMITS);
    const tight: IUploadLimits = { maxSide: 648, maxBytes: best.size - 1 };

    const upload = await codec.prepareForUpload(webp, tight);

    expect(upload.size).toBeLessThanOrEqual(tight.maxBytes);
  }, 30000);

  it('fails with a tooLarge codec error when no quality fits the byte limit', async () => {
    const webp = blobOf(await sharp(await renderPortrait('hugo', 240)).webp().toBuffer(), 'image/webp');

    expect(await codecErrorKind(codec.prepareForUpload(webp, { maxSide: 648, maxBytes: 100 }))).toBe('tooLarge');
  });

  it('fails with an undecodable codec error instead of uploading bytes that are not an image', async () => {
    const html = blobOf(new TextEncoder().encode('<html></html>'), 'image/jpeg');

    expect(await codecErrorKind(codec.prepareForUpload(html, SHAREPOINT_UPLOAD_LIMITS))).toBe('undecodable');
  });
});
