import { PhotoSyncError } from '../../src/logic/PhotoSyncError';

/** The PhotoSyncError kind a promise rejects with, or 'no error' when it resolves. */
export async function errorKindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as PhotoSyncError).kind;
  }
  return 'no error';
}
