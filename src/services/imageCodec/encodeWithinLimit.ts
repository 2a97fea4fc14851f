import { ImageCodecError } from './ImageCodecError';

/** Encodes at each quality in turn and returns the first result of at most `maxBytes` bytes. */
export async function encodeWithinLimit(
  encode: (quality: number) => Promise<Blob>,
  qualities: ReadonlyArray<number>,
  maxBytes: number
): Promise<Blob> {
  for (const quality of qualities) {
    const blob = await encode(quality);
    if (blob.size <= maxBytes) {
      return blob;
    }
  }
  throw new ImageCodecError('tooLarge', `The photo does not fit in ${maxBytes} bytes even at the lowest JPEG quality.`);
}
