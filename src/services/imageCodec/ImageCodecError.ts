/**
 * - `undecodable`: the bytes are not an image this browser can read (an HTML error page, a truncated download).
 * - `tooLarge`: even the lowest JPEG quality does not fit the byte limit.
 */
export type ImageCodecErrorKind = 'undecodable' | 'tooLarge';

export class ImageCodecError extends Error {
  public readonly kind: ImageCodecErrorKind;

  public constructor(kind: ImageCodecErrorKind, message: string) {
    super(message);
    this.name = 'ImageCodecError';
    this.kind = kind;
  }
}

/**
 * Use this, not `instanceof`: the web part compiles to ES5, where a subclass of Error loses its prototype and
 * `instanceof ImageCodecError` is false. The name and kind survive.
 */
export function isImageCodecError(error: unknown): error is ImageCodecError {
  return error instanceof Error && error.name === 'ImageCodecError' && 'kind' in error;
}
