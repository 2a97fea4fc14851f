/** @jest-environment node */
import { errorKindOf } from '../../../test/support/errorKind';
import { FakeTransport } from '../../../test/support/FakeTransport';
import { IHttpResponse } from './IHttpTransport';
import { sendWithRetry } from './sendWithRetry';

const policy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 };

describe('sendWithRetry', () => {
  it('gives up on a request that never answers, so nothing stays busy forever', async () => {
    let signal: AbortSignal | undefined;
    const hung = (abort: AbortSignal | undefined): Promise<IHttpResponse> => { signal = abort; return new Promise<IHttpResponse>(() => undefined); };

    expect(await errorKindOf(sendWithRetry(hung, { policy, delay: async () => undefined, timeoutMs: 20 }))).toBe('timeout');
    // The request is aborted, so nothing the person was told had failed still goes out or lands.
    expect(signal?.aborted).toBe(true);
  });

  it('calls a request that rejects as soon as it is aborted a timeout, not the network', async () => {
    const abortable = (abort: AbortSignal | undefined): Promise<IHttpResponse> => new Promise<IHttpResponse>((resolve, reject) => {
      abort?.addEventListener('abort', () => reject(new Error('The user aborted a request.')));
    });

    expect(await errorKindOf(sendWithRetry(abortable, { policy, delay: async () => undefined, timeoutMs: 20 }))).toBe('timeout');
  });

  it('stops at once, and says how long to wait, when the server asks for a longer pause than a person should watch', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 429, headers: { 'Retry-After': '120' }, body: '' }, { status: 200, body: 'ok' });
    const waits: number[] = [];

    const failure: unknown = await sendWithRetry(() => transport.fetch('https://x/'), { policy: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10000 }, delay: async (ms) => { waits.push(ms); } })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ kind: 'throttled', retryAfterMs: 120000 });
    expect(waits).toEqual([]);
    expect(transport.count('GET', /./)).toBe(1);
  });

  it('waits a fractional Retry-After as the seconds it is', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 503, headers: { 'Retry-After': '2.5' }, body: '' }, { status: 200, body: 'ok' });
    const waits: number[] = [];

    await sendWithRetry(() => transport.fetch('https://x/'), { policy: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10000 }, delay: async (ms) => { waits.push(ms); } });

    expect(waits).toEqual([2500]);
  });

  it('returns the answer when it comes in time', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 200, body: 'ok' });

    const response: IHttpResponse = await sendWithRetry(() => transport.fetch('https://x/'), { policy, delay: async () => undefined, timeoutMs: 1000 });

    expect(await response.text()).toBe('ok');
  });
});
