import { DEFAULT_RETRY_POLICY, IRetryPolicy, isRetryableStatus, retryDelayMs } from './retryPolicy';

describe('retryPolicy', () => {
  const policy: IRetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

  it('waits as long as Retry-After asks, in seconds', () => {
    expect(retryDelayMs(1, '2', policy)).toBe(2000);
  });

  it('understands Retry-After as an HTTP date', () => {
    const now: Date = new Date('2026-11-22T10:00:00Z');
    expect(retryDelayMs(1, 'Sun, 22 Nov 2026 10:00:03 GMT', policy, now)).toBe(3000);
  });

  it('backs off exponentially when there is no Retry-After', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, undefined, policy))).toEqual([500, 1000, 2000]);
  });

  it('honours fractional seconds, which are not dates', () => {
    expect(retryDelayMs(1, '2.128', policy)).toBe(2128);
    expect(retryDelayMs(1, '1.5', policy)).toBe(1500);
  });

  it('gives up at once, instead of asking again early, when Retry-After asks for longer than a person should wait', () => {
    expect(retryDelayMs(1, '120', policy)).toBeUndefined();
    expect(retryDelayMs(1, '8', policy)).toBe(8000);
  });

  it('gives up after the last retry', () => {
    expect(retryDelayMs(4, '1', policy)).toBeUndefined();
  });

  it('retries 429 and 503 only', () => {
    expect([429, 503, 500, 404, 403].map(isRetryableStatus)).toEqual([true, true, false, false, false]);
    expect(DEFAULT_RETRY_POLICY.maxRetries).toBeGreaterThan(0);
  });
});
