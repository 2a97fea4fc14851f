/** @jest-environment node */
import sharp from 'sharp';
import { decodeWithSharp } from '../../../test/support/decodeWithSharp';
import { renderLargePhoto, renderPlaceholderSilhouette, renderPortrait } from '../../../test/support/emulatorPortraits';
import { ComparisonSensitivity, compareFingerprints, comparePhotos } from './comparePhotos';
import { IPhotoFingerprint } from './fingerprint';
import { IPixelImage } from './IPixelImage';

const SENSITIVITIES: ReadonlyArray<ComparisonSensitivity> = ['strict', 'standard', 'relaxed'];

/** Decoded small, as the sync controller does (64 px). */
async function pixels(jpeg: Buffer): Promise<IPixelImage> {
  return decodeWithSharp(jpeg, 64);
}

async function sharePointThumbnail(jpeg: Buffer, size: number): Promise<IPixelImage> {
  // fit 'cover' takes the centred square, as SharePoint's thumbnails do.
  return pixels(await sharp(jpeg).resize(size, size, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer());
}

function verdicts(a: IPixelImage, b: IPixelImage): boolean[] {
  return SENSITIVITIES.map((sensitivity) => comparePhotos(a, b, sensitivity).isSamePhoto);
}

describe('comparePhotos', () => {
  it('reports a portrait and its 48-px SharePoint thumbnail as the same photo at every sensitivity', async () => {
    const photo = await renderPortrait('amara');

    expect(verdicts(await pixels(photo), await sharePointThumbnail(photo, 48))).toEqual([true, true, true]);
  });

  it('reports identical images as distance 0', async () => {
    const photo = await pixels(await renderPortrait('chiara', 240));

    expect(comparePhotos(photo, photo)).toEqual({ distance: 0, isSamePhoto: true });
  });

  it('matches a landscape Microsoft 365 photo with SharePoint’s square centre crop of it', async () => {
    const landscape = await renderLargePhoto('bogdan');

    expect(verdicts(await pixels(landscape), await sharePointThumbnail(landscape, 300))).toEqual([true, true, true]);
  }, 30000);

  it('matches a tall Microsoft 365 photo with SharePoint’s square centre crop of it', async () => {
    const tall = await sharp(await renderPortrait('elif'))
      .extend({ top: 200, bottom: 200, background: '#808080' })
      .jpeg({ quality: 90 })
      .toBuffer();

    expect(verdicts(await pixels(tall), await sharePointThumbnail(tall, 72))).toEqual([true, true, true]);
  });

  it('tells a new photo of a person from the old one SharePoint still shows, at every sensitivity', async () => {
    const graphPhoto = await renderPortrait('bogdan');
    const sharePointPhoto = await renderPortrait('bogdanOld');

    expect(verdicts(await pixels(graphPhoto), await sharePointThumbnail(sharePointPhoto, 72))).toEqual([
      false,
      false,
      false
    ]);
  });

  it('tells a portrait from SharePoint’s grey placeholder at every sensitivity', async () => {
    const photo = await pixels(await renderPortrait('hugo'));
    const placeholder = await pixels(await renderPlaceholderSilhouette(72));

    expect(verdicts(photo, placeholder)).toEqual([false, false, false]);
  });
});

describe('compareFingerprints', () => {
  // Every step 10 luma levels in one, 15 in the other: distance 25 / 2(100 + 225 + 4) ≈ 0.038.
  const gentle: IPhotoFingerprint = { gradients: [10, 10, 10, 10] };
  const steeper: IPhotoFingerprint = { gradients: [15, 15, 15, 15] };

  it('accepts more difference the more relaxed the sensitivity', () => {
    expect(compareFingerprints(gentle, steeper, 'strict').isSamePhoto).toBe(false);
    expect(compareFingerprints(gentle, steeper, 'standard').isSamePhoto).toBe(true);
    expect(compareFingerprints(gentle, steeper, 'relaxed').isSamePhoto).toBe(true);
  });

  it('uses the standard sensitivity unless told otherwise', () => {
    expect(compareFingerprints(gentle, steeper)).toEqual(compareFingerprints(gentle, steeper, 'standard'));
    expect(compareFingerprints(gentle, steeper).distance).toBeCloseTo(25 / 658, 12);
  });
});
