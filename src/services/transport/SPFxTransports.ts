import { AadHttpClient, AadTokenProvider } from '@microsoft/sp-http';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpRequest, IHttpResponse, IHttpTransport } from './IHttpTransport';

type Send = (url: string, init: {
  method: string; headers?: Record<string, string>; body?: Blob | string | ArrayBuffer; cache?: IHttpRequest['cache']; signal?: AbortSignal;
}) => Promise<IHttpResponse>;

/** Adapts one of SPFx's HTTP clients, whose responses already have the Fetch API's shape. */
class SPFxTransport implements IHttpTransport {
  private readonly _send: Send;

  public constructor(send: Send) {
    this._send = send;
  }

  public fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    return this._send(url, { method: request.method ?? 'GET', headers: request.headers, body: request.body, cache: request.cache, signal: request.signal });
  }
}

/**
 * Microsoft Graph through AadHttpClient, which gets a token for the solution's approved permissions before it sends.
 * Whatever fails before an answer arrives, other than the network, is the token: an Error carrying AADSTS65001
 * from MSAL or a plain string from SharePoint's OBO endpoint, both meaning the permission is not usable. For five
 * minutes after any token failure the provider refuses at once with "Token request previously failed"
 * (docs/dev/platform-facts.md#aadhttpclient-and-tokens): that repeats whatever the first failure was.
 */
export function graphTransport(client: AadHttpClient): IHttpTransport {
  let lastTokenFailure: 'network' | 'permissionMissing' = 'permissionMissing';
  return new SPFxTransport(async (url, init) => {
    try {
      return await client.fetch(url, AadHttpClient.configurations.v1, init);
    } catch (error) {
      if (isRefusedFromMemory(error)) {
        throw new PhotoSyncError(lastTokenFailure, `No Graph token: ${describe(error)}`);
      }
      const name: string | undefined = (error as Error | undefined)?.name;
      if (name === 'AbortError') {
        // The web part stopped waiting (its timeout): not a token failure.
        throw error;
      }
      if (name === 'TypeError') {
        // fetch found no answer: the token service or Graph could not be reached.
        lastTokenFailure = 'network';
        throw error;
      }
      lastTokenFailure = /network|connectivity|timed_out/i.test(describe(error)) ? 'network' : 'permissionMissing';
      throw new PhotoSyncError(lastTokenFailure, `No Graph token: ${describe(error)}`);
    }
  });
}

/**
 * The Graph token SPFx holds for the page's person, as a function the Graph service can ask; failures read as
 * graphTransport reads them. The token is what Graph identifies the caller by, so its claims say whom Graph answers
 * for without a request of its own.
 */
export function graphToken(provider: AadTokenProvider, resource: string): () => Promise<string> {
  let lastTokenFailure: 'network' | 'permissionMissing' = 'permissionMissing';
  return async () => {
    try {
      return await provider.getToken(resource);
    } catch (error) {
      if (!isRefusedFromMemory(error)) {
        lastTokenFailure = (error as Error | undefined)?.name === 'TypeError' || /network|connectivity|timed_out/i.test(describe(error)) ? 'network' : 'permissionMissing';
      }
      throw new PhotoSyncError(lastTokenFailure, `No Graph token: ${describe(error)}`);
    }
  };
}

function isRefusedFromMemory(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'TokenRequestPreviouslyFailed';
}

function describe(error: unknown): string {
  const message: unknown = (error as Error | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
