import { IPixelImage } from './IPixelImage';
import { averageLumaGrid } from './lumaGrid';

/**
 * Cells per side of the luma grid the fingerprint is taken from. Measured against 9, 17 and 25 (README.md, "Choosing
 * the method"), 13 left the widest gap between copies of one portrait and different portraits: finer grids drift more
 * when a photo is resampled or cropped a pixel differently, coarser ones blur different portraits together.
 */
const GRID_CELLS = 13;

/**
 * A step between neighbouring cells that nobody would see, in luma levels (of 255): about 1 % of the range, roughly the
 * smallest luminance step people notice. fingerprintDistance counts an image made only of such steps into the
 * denominator, so differences much fainter than that (JPEG noise in a blank backdrop) weigh little.
 */
const INVISIBLE_GRADIENT = 2;

/**
 * A perceptual fingerprint: the luma differences between neighbouring cells of a 13 × 13 grid over the image's centred
 * square (13 × 12 horizontal, then 12 × 13 vertical, in luma levels).
 *
 * This is a difference hash (dHash) that keeps the size of each difference instead of only its sign. The sign alone
 * is noise wherever neighbouring cells are nearly equal (flat backdrops, skin), and JPEG re-compression flips those
 * bits at random; weighting each difference by its size lets the real edges decide.
 */
export interface IPhotoFingerprint {
  readonly gradients: ReadonlyArray<number>;
}

export function computeFingerprint(image: IPixelImage): IPhotoFingerprint {
  const { size, values } = averageLumaGrid(image, GRID_CELLS);
  const gradients: number[] = [];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column + 1 < size; column++) {
      gradients.push(values[row * size + column + 1] - values[row * size + column]);
    }
  }
  for (let row = 0; row + 1 < size; row++) {
    for (let column = 0; column < size; column++) {
      gradients.push(values[(row + 1) * size + column] - values[row * size + column]);
    }
  }
  return { gradients };
}

/**
 * How different two fingerprints are, from 0 to 1: ‖a − b‖² / 2(‖a‖² + ‖b‖² + an invisible image's energy).
 * 0 = the same picture; about 0.5 = unrelated pictures, or a picture against a blank image; 1 = one is the negative of
 * the other. Dividing by the images' own energy makes one threshold fit pale and contrasty photos alike.
 * Two blank images have nothing to tell them apart and compare as 0.
 */
export function fingerprintDistance(a: IPhotoFingerprint, b: IPhotoFingerprint): number {
  let difference = 0;
  let energy = a.gradients.length * INVISIBLE_GRADIENT * INVISIBLE_GRADIENT;
  for (let i = 0; i < a.gradients.length; i++) {
    const ga = a.gradients[i];
    const gb = b.gradients[i];
    difference += (ga - gb) * (ga - gb);
    energy += ga * ga + gb * gb;
  }
  return difference / (2 * energy);
}
