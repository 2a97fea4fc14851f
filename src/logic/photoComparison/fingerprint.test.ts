import { grey, paintImage } from '../../../test/support/syntheticImages';
import { IPixelImage } from './IPixelImage';
import { computeFingerprint, fingerprintDistance } from './fingerprint';

/** A soft diagonal gradient with a dark disc: structure in both directions. */
function drawing(width: number, height: number): IPixelImage {
  return paintImage(width, height, (x, y) => {
    const inDisc = (x - width / 2) ** 2 + (y - height / 3) ** 2 < (width / 5) ** 2;
    return inDisc ? grey(30) : grey(Math.round((200 * (x + y)) / (width + height)) + 40);
  });
}

function distance(a: IPixelImage, b: IPixelImage): number {
  return fingerprintDistance(computeFingerprint(a), computeFingerprint(b));
}

describe('fingerprintDistance', () => {
  it('is 0 for identical images', () => {
    expect(distance(drawing(120, 120), drawing(120, 120))).toBe(0);
  });

  it('is close to 1 for an image and its negative', () => {
    const image = drawing(120, 120);
    const negative = paintImage(120, 120, (x, y) => {
      const offset = (y * 120 + x) * 4;
      return grey(255 - image.data[offset]);
    });

    expect(distance(image, negative)).toBeGreaterThan(0.95);
  });

  it('is symmetric', () => {
    const a = drawing(120, 120);
    const b = paintImage(90, 90, (x) => grey(x < 45 ? 40 : 220));

    expect(distance(a, b)).toBeCloseTo(distance(b, a), 12);
  });

  it('handles a 1 × 1 image and a tiny one', () => {
    const dot = paintImage(1, 1, () => grey(128));
    const tiny = drawing(3, 2);

    expect(distance(dot, dot)).toBe(0);
    expect(distance(tiny, tiny)).toBe(0);
    expect(Number.isFinite(distance(dot, tiny))).toBe(true);
  });

  it('compares blank images as the same, whatever their brightness, since they show nothing to tell apart', () => {
    const darkGrey = paintImage(64, 64, () => grey(60));
    const lightGrey = paintImage(300, 200, () => grey(200));

    expect(Math.max(...computeFingerprint(darkGrey).gradients.map(Math.abs))).toBeLessThan(1e-9);
    expect(distance(darkGrey, lightGrey)).toBeLessThan(1e-9);
  });

  it('puts a blank image about halfway (0.5) from any picture', () => {
    const blank = paintImage(64, 64, () => grey(128));

    expect(distance(blank, drawing(120, 120))).toBeGreaterThan(0.49);
    expect(distance(blank, drawing(120, 120))).toBeLessThanOrEqual(0.5);
  });

  it('is not swayed by pixel noise in a blank image', () => {
    const blank = paintImage(128, 128, () => grey(128));
    // Deterministic noise of ±3 levels per pixel, like JPEG artefacts in a flat backdrop.
    const noisy = paintImage(128, 128, (x, y) => grey(128 + ((x * 7919 + y * 104729) % 7) - 3));

    expect(distance(blank, noisy)).toBeLessThan(0.01);
  });
});
