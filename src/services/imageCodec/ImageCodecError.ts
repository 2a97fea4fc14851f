import { PhotoSyncError } from '../../logic/PhotoSyncError';

/**
 * - `undecodable`: the bytes are not an image this browser can read (an HTML error page, a truncated download).
 * - `tooLarge`: even the lowest JPEG quality does not fit the byte limit.
 */
export type ImageCodecProblem = 'undecodable' | 'tooLarge';

/** A photo the codec cannot use; to everything above the services it is simply an invalid image. */
export class ImageCodecError extends PhotoSyncError {
  public readonly problem: ImageCodecProblem;

  public constructor(problem: ImageCodecProblem, message: string) {
    super('invalidImage', message);
    this.name = 'ImageCodecError';
    this.problem = problem;
    Object.setPrototypeOf(this, ImageCodecError.prototype);
  }
}

/**
 * Use this rather than relying on `instanceof` alone: the web part compiles to ES5, where subclasses of Error keep
 * their prototype only because the constructors restore it. The name and problem survive either way.
 */
export function isImageCodecError(error: unknown): error is ImageCodecError {
  return error instanceof Error && error.name === 'ImageCodecError' && 'problem' in error;
}
