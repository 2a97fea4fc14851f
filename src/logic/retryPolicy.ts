/**
 * When to retry a throttled request (429, or 503 which Graph also uses for throttling) and how long to wait.
 * Graph and SharePoint send Retry-After in seconds, sometimes fractional (2.128) and sometimes long (41-315 s
 * reported: docs/dev/platform-facts.md#throttling); without it we back off exponentially. A person looking at the
 * web part should not watch a spinner for long, and a server that asks for a long pause must not be asked again
 * early: so when it asks for longer than maxDelayMs, or after maxRetries, we give up and say when to try again.
 */
export interface IRetryPolicy {
  maxRetries: number;
  /** Wait used for the first retry when there is no Retry-After header; doubles each retry. Milliseconds. */
  baseDelayMs: number;
  /** Longest single wait; a Retry-After asking for more ends the retries instead. Milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: IRetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 10000 };

const RETRYABLE_STATUSES: ReadonlyArray<number> = [429, 503];

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.indexOf(status) >= 0;
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the policy says to give up: after the last
 * retry, or at once when Retry-After asks for longer than the policy lets a person wait.
 * `retryAfter` is the raw Retry-After header: delta-seconds (fractional ones too), or an HTTP date (RFC 9110).
 */
export function retryDelayMs(retry: number, retryAfter: string | undefined, policy: IRetryPolicy, now: Date = new Date()): number | undefined {
  const asked: number | undefined = retryAfterMs(retryAfter, now);
  if (retry > policy.maxRetries || (asked !== undefined && asked > policy.maxDelayMs)) {
    return undefined;
  }
  const delay: number = asked !== undefined ? asked : policy.baseDelayMs * Math.pow(2, retry - 1);
  return Math.min(delay, policy.maxDelayMs);
}

/** How long Retry-After asks to wait, in milliseconds; undefined when there is none or it cannot be read. */
export function retryAfterMs(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed: string = value.trim();
  // Seconds first: Date.parse('1.5') is a date in 2001.
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at: number = Date.parse(trimmed);
  return isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
