import { AadHttpClient, SPHttpClient } from '@microsoft/sp-http';
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

/** SharePoint REST through SPHttpClient, which sends the user's SharePoint credentials. */
export function sharePointTransport(client: SPHttpClient): IHttpTransport {
  return new SPFxTransport((url, init) => client.fetch(url, SPHttpClient.configurations.v1, init));
}

/**
 * Microsoft Graph through AadHttpClient, which gets a token for the solution's approved permissions.
 * When User.Read was never approved, getting the token fails with AADSTS65001; sendWithRetry maps that.
 */
export function graphTransport(client: AadHttpClient): IHttpTransport {
  return new SPFxTransport((url, init) => client.fetch(url, AadHttpClient.configurations.v1, init));
}
