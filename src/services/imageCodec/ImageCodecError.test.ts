import { ImageCodecError, isImageCodecError } from './ImageCodecError';

describe('isImageCodecError', () => {
  it('recognises a codec error and its kind', () => {
    const error: unknown = new ImageCodecError('undecodable', 'not an image');

    expect(isImageCodecError(error) && error.problem).toBe('undecodable');
    expect((error as ImageCodecError).kind).toBe('invalidImage');
  });

  it('rejects other errors and thrown non-errors', () => {
    expect(isImageCodecError(new Error('boom'))).toBe(false);
    expect(isImageCodecError('undecodable')).toBe(false);
    expect(isImageCodecError(undefined)).toBe(false);
  });
});
