/** @jest-environment node */
import { ICalibration, IMeasuredDistance, measureCalibration } from '../../../test/support/comparisonCalibration';
import { SAME_PHOTO_THRESHOLDS } from './comparePhotos';

// The numbers behind the thresholds: README.md has the table these assertions keep true.
describe('SAME_PHOTO_THRESHOLDS over the generated portraits', () => {
  let calibration: ICalibration;

  beforeAll(async () => {
    calibration = await measureCalibration();
  }, 120000);

  /** Lists the offenders, so a failure names the portrait and variant. */
  function above(measured: ReadonlyArray<IMeasuredDistance>, threshold: number): IMeasuredDistance[] {
    return measured.filter((m) => m.distance > threshold);
  }

  function atOrBelow(measured: ReadonlyArray<IMeasuredDistance>, threshold: number): IMeasuredDistance[] {
    return measured.filter((m) => m.distance <= threshold);
  }

  it('reports every resized, re-compressed or subsampled copy of a portrait as the same photo, even when strict', () => {
    expect(calibration.samePhoto.length).toBeGreaterThan(100);
    expect(above(calibration.samePhoto, SAME_PHOTO_THRESHOLDS.strict)).toEqual([]);
  });

  it('reports a copy cropped 1 % of the side off centre as the same photo at the standard sensitivity', () => {
    const onePercent = calibration.shiftedCrop.filter((m) => m.label.endsWith(' 1%'));

    expect(onePercent.length).toBeGreaterThan(0);
    expect(above(onePercent, SAME_PHOTO_THRESHOLDS.standard)).toEqual([]);
  });

  it('reports every pair of different portraits as different, even when relaxed', () => {
    expect(calibration.differentPhotos.length).toBeGreaterThan(100);
    expect(atOrBelow(calibration.differentPhotos, SAME_PHOTO_THRESHOLDS.relaxed)).toEqual([]);
  });

  it('never takes the grey placeholder silhouette for a portrait, even when relaxed', () => {
    expect(atOrBelow(calibration.placeholder, SAME_PHOTO_THRESHOLDS.relaxed)).toEqual([]);
  });
});
