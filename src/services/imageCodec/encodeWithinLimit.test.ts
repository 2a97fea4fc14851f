import { encodeWithinLimit } from './encodeWithinLimit';
import { isImageCodecError } from './ImageCodecError';

/** An encoder whose output shrinks with quality: 1000 bytes at quality 1. */
function fakeEncoder(tried: number[]): (quality: number) => Promise<Blob> {
  return async (quality) => {
    tried.push(quality);
    return new Blob([new Uint8Array(Math.round(quality * 1000))], { type: 'image/jpeg' });
  };
}

describe('encodeWithinLimit', () => {
  it('returns the best quality that fits without trying worse ones', async () => {
    const tried: number[] = [];

    const blob = await encodeWithinLimit(fakeEncoder(tried), [0.9, 0.7, 0.5], 750);

    expect(blob.size).toBe(700);
    expect(tried).toEqual([0.9, 0.7]);
  });

  it('fails with a tooLarge codec error when even the worst quality does not fit', async () => {
    const error: unknown = await encodeWithinLimit(fakeEncoder([]), [0.9, 0.5], 100).catch((e: unknown) => e);

    expect(isImageCodecError(error) && error.problem).toBe('tooLarge');
  });
});
