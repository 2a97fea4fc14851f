/** @jest-environment node */
import { errorKindOf } from '../../../test/support/errorKind';
import { FakeTransport } from '../../../test/support/FakeTransport';
import { IHttpResponse } from './IHttpTransport';
import { sendWithRetry } from './sendWithRetry';

const policy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 };

describe('sendWithRetry', () => {
  it('gives up on a request that never answers, so nothing stays busy forever', async () => {
    const hung = (): Promise<IHttpResponse> => new Promise<IHttpResponse>(() => undefined);

    expect(await errorKindOf(sendWithRetry(hung, { policy, delay: async () => undefined, timeoutMs: 20 }))).toBe('network');
  });

  it('returns the answer when it comes in time', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 200, body: 'ok' });

    const response: IHttpResponse = await sendWithRetry(() => transport.fetch('https://x/'), { policy, delay: async () => undefined, timeoutMs: 1000 });

    expect(await response.text()).toBe('ok');
  });
});
