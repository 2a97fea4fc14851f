/**
 * When to retry a throttled request (429, or 503 which Graph also uses for throttling) and how long to wait.
 * Graph sends Retry-After in seconds; without it we back off exponentially. Waits are bounded so that a
 * person looking at the web part never waits long for an answer: after maxRetries we give up and say so.
 */
export interface IRetryPolicy {
  maxRetries: number;
  /** Wait used for the first retry when there is no Retry-After header; doubles each retry. Milliseconds. */
  baseDelayMs: number;
  /** Upper bound for any single wait, including one asked for by Retry-After. Milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: IRetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 10000 };

const RETRYABLE_STATUSES: ReadonlyArray<number> = [429, 503];

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.indexOf(status) >= 0;
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the policy says to give up.
 * `retryAfter` is the raw Retry-After header: delta-seconds, or an HTTP date (allowed by RFC 9110).
 */
export function retryDelayMs(retry: number, retryAfter: string | undefined, policy: IRetryPolicy, now: Date = new Date()): number | undefined {
  if (retry > policy.maxRetries) {
    return undefined;
  }
  const asked: number | undefined = parseRetryAfterMs(retryAfter, now);
  const delay: number = asked !== undefined ? asked : policy.baseDelayMs * Math.pow(2, retry - 1);
  return Math.min(delay, policy.maxDelayMs);
}

function parseRetryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed: string = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at: number = Date.parse(trimmed);
  return isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
