export type { IPixelImage } from './IPixelImage';
export type { IPhotoFingerprint } from './fingerprint';
export { computeFingerprint, fingerprintDistance } from './fingerprint';
export type { ComparisonSensitivity, IPhotoComparison } from './comparePhotos';
export { compareFingerprints, comparePhotos, DEFAULT_SENSITIVITY, SAME_PHOTO_THRESHOLDS } from './comparePhotos';
