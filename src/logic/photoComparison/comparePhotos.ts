import { IPixelImage } from './IPixelImage';
import { computeFingerprint, fingerprintDistance, IPhotoFingerprint } from './fingerprint';

/** How close two photos must be to count as the same; the site owner picks it in the property pane (advanced). */
export type ComparisonSensitivity = 'relaxed' | 'standard' | 'strict';

export const DEFAULT_SENSITIVITY: ComparisonSensitivity = 'standard';

/**
 * Largest fingerprint distance still reported as the same photo. All three sit in the gap measured over the emulator's
 * generated portraits (README.md; comparePhotos.calibration.test.ts keeps it true): copies of one portrait at 48–300 px,
 * JPEG quality 40–90 and either chroma subsampling are at most 0.0056 apart; the square cut 1 % of the side off centre,
 * at most 0.030; different portraits at least 0.166, and the grey placeholder at least 0.386 from any portrait.
 * - strict (0.02): resized and re-compressed copies of the same file, with a 3.5× margin.
 * - standard (0.05): also a copy cropped up to ~1 % of the side differently; 3.3× below the closest different pair.
 * - relaxed (0.10): also most copies cropped 2 % differently (11 of 14); still 1.7× below the closest different pair.
 */
export const SAME_PHOTO_THRESHOLDS: Readonly<Record<ComparisonSensitivity, number>> = {
  strict: 0.02,
  standard: 0.05,
  relaxed: 0.1
};

export interface IPhotoComparison {
  /** Fingerprint distance, 0 (identical) to 1; about 0.5 for unrelated photos. */
  readonly distance: number;
  readonly isSamePhoto: boolean;
}

export function comparePhotos(
  a: IPixelImage,
  b: IPixelImage,
  sensitivity: ComparisonSensitivity = DEFAULT_SENSITIVITY
): IPhotoComparison {
  return compareFingerprints(computeFingerprint(a), computeFingerprint(b), sensitivity);
}

/** For callers that keep a fingerprint (e.g. of the Microsoft 365 photo per ETag) instead of the pixels. */
export function compareFingerprints(
  a: IPhotoFingerprint,
  b: IPhotoFingerprint,
  sensitivity: ComparisonSensitivity = DEFAULT_SENSITIVITY
): IPhotoComparison {
  const distance = fingerprintDistance(a, b);
  return { distance, isSamePhoto: distance <= SAME_PHOTO_THRESHOLDS[sensitivity] };
}
