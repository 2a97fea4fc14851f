import { AadHttpClient, SPHttpClient } from '@microsoft/sp-http';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpRequest, IHttpResponse, IHttpTransport } from './IHttpTransport';

type Send = (url: string, init: { method: string; headers?: Record<string, string>; body?: Blob | string }) => Promise<IHttpResponse>;

/** Adapts one of SPFx's HTTP clients, whose responses already have the Fetch API's shape. */
class SPFxTransport implements IHttpTransport {
  private readonly _send: Send;

  public constructor(send: Send) {
    this._send = send;
  }

  public fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    return this._send(url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  }
}

/**
 * SharePoint REST through SPHttpClient, which sends the user's SharePoint credentials and adds the request digest
 * to writes (fetching it once per web, and forgetting it after a 403).
 */
export function sharePointTransport(client: SPHttpClient): IHttpTransport {
  return new SPFxTransport((url, init) => client.fetch(url, SPHttpClient.configurations.v1, init));
}

/**
 * Microsoft Graph through AadHttpClient, which gets a token for the solution's approved permissions before it sends.
 * Whatever fails before an answer arrives, other than the network, is the token: an Error carrying AADSTS65001
 * from MSAL, a plain string from SharePoint's OBO endpoint, or, for five minutes after either, a synchronous
 * "Token request previously failed" (docs/dev/platform-facts.md#aadhttpclient-and-tokens). All of them mean the
 * permission is not usable, never that Graph could not be reached.
 */
export function graphTransport(client: AadHttpClient): IHttpTransport {
  return new SPFxTransport(async (url, init) => {
    try {
      return await client.fetch(url, AadHttpClient.configurations.v1, init);
    } catch (error) {
      throw isNetworkFailure(error) ? error : new PhotoSyncError('permissionMissing', `No Graph token: ${describe(error)}`);
    }
  });
}

function isNetworkFailure(error: unknown): boolean {
  // fetch rejects with a TypeError when no answer arrives; MSAL names its own network failures.
  return error instanceof TypeError || /network|connectivity|timed_out/i.test(describe(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
