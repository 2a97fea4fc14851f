import sharp from 'sharp';
import { computeFingerprint, fingerprintDistance, IPhotoFingerprint } from '../../src/logic/photoComparison/fingerprint';
import { decodeWithSharp } from './decodeWithSharp';
import { PORTRAIT_NAMES, renderPlaceholderSilhouette, renderPortrait } from './emulatorPortraits';

/**
 * The measurements behind SAME_PHOTO_THRESHOLDS (src/logic/photoComparison/README.md), over the emulator's generated
 * portraits. Every distance is from a portrait as Graph would serve it (648 px) to a second image.
 */
export interface ICalibration {
  /** The same portrait resized, re-compressed or chroma-subsampled, as SharePoint's thumbnails would be. */
  readonly samePhoto: ReadonlyArray<IMeasuredDistance>;
  /** The same drawing, but the square cut 1 % or 2 % of the side further right. */
  readonly shiftedCrop: ReadonlyArray<IMeasuredDistance>;
  /** Two different portraits, the second at Graph's and at SharePoint's sizes. */
  readonly differentPhotos: ReadonlyArray<IMeasuredDistance>;
  /** A portrait against SharePoint's grey placeholder silhouette. */
  readonly placeholder: ReadonlyArray<IMeasuredDistance>;
}

export interface IMeasuredDistance {
  /** Portrait name(s) and variant, e.g. 'amara 48px q85', for finding the case behind an outlier. */
  readonly label: string;
  readonly distance: number;
}

interface IVariant {
  readonly label: string;
  derive(jpeg: Buffer): Promise<Buffer>;
}

const GRAPH_SIZE = 648; // px, Graph's largest standard photo

/** sharp subsamples chroma 4:2:0 below quality 90 unless told otherwise, like most JPEG encoders. */
const SAME_PHOTO_VARIANTS: ReadonlyArray<IVariant> = [
  ...[48, 72, 96, 240, 300].map((size) => resized(size, 85)),
  ...[40, 50, 60, 70, 80, 90].map((quality): IVariant => ({
    label: `q${quality}`,
    derive: (jpeg) => sharp(jpeg).jpeg({ quality }).toBuffer()
  })),
  ...(['4:2:0', '4:4:4'] as const).map((chromaSubsampling): IVariant => ({
    label: `q75 ${chromaSubsampling}`,
    derive: (jpeg) => sharp(jpeg).jpeg({ quality: 75, chromaSubsampling }).toBuffer()
  })),
  resized(48, 40),
  {
    // Crude resampling, in case SharePoint's resizer is one.
    label: '72px nearest-neighbour q85',
    derive: (jpeg) => sharp(jpeg).resize(72, 72, { kernel: 'nearest' }).jpeg({ quality: 85 }).toBuffer()
  },
  {
    // A thumbnail made from an already re-compressed copy.
    label: '300px q60 then 96px q50',
    derive: async (jpeg) => resizeJpeg(await resizeJpeg(jpeg, 300, 60), 96, 50)
  }
];

/** Sizes SharePoint's thumbnails come in: S, M, and two guesses at L (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails). */
const SHAREPOINT_SIZES: ReadonlyArray<number> = [48, 72, 300];

const SHIFT_FRACTIONS: ReadonlyArray<number> = [0.01, 0.02];

export async function measureCalibration(): Promise<ICalibration> {
  const originals = new Map<string, IPhotoFingerprint>();
  const samePhoto: IMeasuredDistance[] = [];
  const shiftedCrop: IMeasuredDistance[] = [];
  const atSharePointSizes = new Map<string, Map<string, IPhotoFingerprint>>();

  for (const name of PORTRAIT_NAMES) {
    const jpeg = await renderPortrait(name, GRAPH_SIZE);
    const original = await fingerprintOf(jpeg);
    originals.set(name, original);
    for (const variant of SAME_PHOTO_VARIANTS) {
      const distance = fingerprintDistance(original, await fingerprintOf(await variant.derive(jpeg)));
      samePhoto.push({ label: `${name} ${variant.label}`, distance });
    }
    shiftedCrop.push(...(await measureShiftedCrops(name)));
    const sizes = new Map<string, IPhotoFingerprint>();
    for (const size of SHAREPOINT_SIZES) {
      sizes.set(`${size}px`, await fingerprintOf(await resizeJpeg(jpeg, size, 85)));
    }
    atSharePointSizes.set(name, sizes);
  }

  const differentPhotos: IMeasuredDistance[] = [];
  originals.forEach((fingerprint, name) => {
    originals.forEach((other, otherName) => {
      if (otherName === name) {
        return;
      }
      differentPhotos.push({ label: `${name} / ${otherName} 648px`, distance: fingerprintDistance(fingerprint, other) });
      atSharePointSizes.get(otherName)?.forEach((resizedOther, size) => {
        differentPhotos.push({
          label: `${name} / ${otherName} ${size}`,
          distance: fingerprintDistance(fingerprint, resizedOther)
        });
      });
    });
  });

  const placeholder: IMeasuredDistance[] = [];
  for (const size of [...SHAREPOINT_SIZES, GRAPH_SIZE]) {
    const silhouette = await fingerprintOf(await renderPlaceholderSilhouette(size));
    originals.forEach((fingerprint, name) => {
      placeholder.push({ label: `${name} / placeholder ${size}px`, distance: fingerprintDistance(fingerprint, silhouette) });
    });
  }

  return { samePhoto, shiftedCrop, differentPhotos, placeholder };
}

/** Renders the portrait a little larger and cuts the square at the centre, then shifted right. */
async function measureShiftedCrops(name: string): Promise<IMeasuredDistance[]> {
  const margin = Math.round(GRAPH_SIZE * Math.max(...SHIFT_FRACTIONS));
  const large = await renderPortrait(name, GRAPH_SIZE + 2 * margin);
  const cut = (left: number): Promise<Buffer> =>
    sharp(large).extract({ left, top: margin, width: GRAPH_SIZE, height: GRAPH_SIZE }).jpeg({ quality: 90 }).toBuffer();
  const centred = await fingerprintOf(await cut(margin));
  const measured: IMeasuredDistance[] = [];
  for (const fraction of SHIFT_FRACTIONS) {
    const shifted = await fingerprintOf(await cut(margin + Math.round(GRAPH_SIZE * fraction)));
    measured.push({ label: `${name} shifted ${fraction * 100}%`, distance: fingerprintDistance(centred, shifted) });
  }
  return measured;
}

function resized(size: number, quality: number): IVariant {
  return { label: `${size}px q${quality}`, derive: (jpeg) => resizeJpeg(jpeg, size, quality) };
}

function resizeJpeg(jpeg: Buffer, size: number, quality: number): Promise<Buffer> {
  return sharp(jpeg).resize(size, size).jpeg({ quality }).toBuffer();
}

async function fingerprintOf(jpeg: Buffer): Promise<IPhotoFingerprint> {
  return computeFingerprint(await decodeWithSharp(jpeg));
}
