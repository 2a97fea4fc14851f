import { IRetryPolicy, isRetryableStatus, retryAfterMs, retryDelayMs } from '../../logic/retryPolicy';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpResponse } from './IHttpTransport';

export interface IRetryOptions {
  policy: IRetryPolicy;
  delay: (ms: number) => Promise<void>;
  /**
   * Longest wait for one answer, in milliseconds; a hung request must not leave the web part busy forever. When it
   * passes, the request is aborted (its signal fires) and PhotoSyncError('timeout') is thrown.
   */
  timeoutMs?: number;
}

/** Sends one attempt; `signal` aborts it when the web part stops waiting. */
export type SendAttempt = (signal: AbortSignal | undefined) => Promise<IHttpResponse>;

/**
 * Sends a request, waiting and resending while the server throttles (429/503), as its Retry-After asks and
 * within the policy's bounds. Throws PhotoSyncError('throttled') when the server is still throttling at the end or
 * asks for a longer wait than the policy allows (with how long it asked for), and PhotoSyncError('network') when
 * no answer arrives at all.
 */
export async function sendWithRetry(send: SendAttempt, options: IRetryOptions): Promise<IHttpResponse> {
  for (let retry = 1; ; retry++) {
    const response: IHttpResponse = await sendOnce(send, options.timeoutMs);
    if (!isRetryableStatus(response.status)) {
      return response;
    }
    const retryAfter: string | undefined = response.headers.get('Retry-After') ?? undefined;
    const wait: number | undefined = retryDelayMs(retry, retryAfter, options.policy);
    if (wait === undefined) {
      // Say when to try again only when the server asked for a longer pause than the retries could wait.
      const asked: number | undefined = retryAfterMs(retryAfter);
      const longPause: number | undefined = asked !== undefined && asked > options.policy.maxDelayMs ? asked : undefined;
      throw new PhotoSyncError('throttled', `Throttled (${retry - 1} retries, Retry-After ${retryAfter ?? 'none'})`, response.status, longPause);
    }
    await options.delay(wait);
  }
}

async function sendOnce(send: SendAttempt, timeoutMs: number | undefined): Promise<IHttpResponse> {
  const abort: AbortController | undefined = timeoutMs !== undefined && typeof AbortController !== 'undefined' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout: Promise<never> = new Promise<never>((resolve, reject) => {
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        // Settled before the abort: an aborted fetch rejects at once, and that is not "the network".
        reject(new PhotoSyncError('timeout', `No answer within ${timeoutMs} ms`));
        // Aborted, so that nothing the person was told had failed can still be sent or applied from this browser.
        abort?.abort();
      }, timeoutMs);
    }
  });
  try {
    return await Promise.race([send(abort?.signal), timeout]);
  } catch (error) {
    if (error instanceof PhotoSyncError) {
      throw error;
    }
    const message: string = error instanceof Error ? error.message : String(error);
    // In SPFx an ungranted Graph scope surfaces while getting the token, not as an HTTP answer.
    if (message.indexOf('AADSTS65001') >= 0) {
      throw new PhotoSyncError('permissionMissing', message);
    }
    throw new PhotoSyncError('network', message);
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a JSON body, turning a malformed one into PhotoSyncError('badResponse'). */
export async function readJson<T>(response: IHttpResponse): Promise<T> {
  const text: string = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new PhotoSyncError('badResponse', `Malformed JSON (HTTP ${response.status})`, response.status);
  }
}

/** Reads an image body, refusing anything whose Content-Type is not an image (Graph once sent "image/Jpeg"). */
export async function readImage(response: IHttpResponse): Promise<Blob> {
  const type: string = (response.headers.get('Content-Type') ?? '').toLowerCase();
  if (type.indexOf('image/') !== 0) {
    throw new PhotoSyncError('badResponse', `Expected an image, got "${type}"`, response.status);
  }
  return response.blob();
}
