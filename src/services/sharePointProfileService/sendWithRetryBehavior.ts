import { TimelinePipe } from '@pnp/core';
import { Queryable } from '@pnp/queryable';
import { IHttpResponse } from '../transport/IHttpTransport';
import { IRetryOptions, sendWithRetry } from '../transport/sendWithRetry';

/** Sends one request as pnpjs built it: window.fetch in SharePoint, a scripted fake in unit tests. */
export type PnpSend = (url: string, init: RequestInit) => Promise<IHttpResponse>;

/**
 * A pnpjs behavior that replaces its sending: every request goes out through `send`, and is sent again while
 * SharePoint throttles, as its Retry-After asks, within the project's one retry policy and timeout. pnpjs's own
 * BrowserFetchWithRetry would wait as long as any Retry-After says, however long, with the spinner turning
 * (docs/dev/platform-facts.md#pnpjs-v4-behaviours-this-project-relies-on).
 */
export function SendWithRetry(send: PnpSend, retry: IRetryOptions, uploadTimeoutMs?: number): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit): Promise<Response> => {
      // A request with a body (the picture) may take longer to send than a read.
      const options: IRetryOptions = init.body !== undefined && uploadTimeoutMs !== undefined ? { ...retry, timeoutMs: uploadTimeoutMs } : retry;
      const response: IHttpResponse = await sendWithRetry((signal) => send(url.toString(), signal ? { ...init, signal } : init), options);
      // pnpjs's parsers read the answer as a Fetch API Response; in SharePoint it is one.
      return response as unknown as Response;
    });
    return instance;
  };
}
