import { AadHttpClient, SPHttpClient } from '@microsoft/sp-http';
import { IHttpRequest, IHttpResponse, IHttpTransport } from './IHttpTransport';

/** SharePoint REST through SPFx's SPHttpClient, which sends the user's SharePoint credentials. */
export class SPHttpClientTransport implements IHttpTransport {
  private readonly _client: SPHttpClient;

  public constructor(client: SPHttpClient) {
    this._client = client;
  }

  public fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    return this._client.fetch(url, SPHttpClient.configurations.v1, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body
    });
  }
}

/**
 * Microsoft Graph through SPFx's AadHttpClient, which gets a token for the solution's approved permissions.
 * When User.Read was never approved, getting the token fails with AADSTS65001; sendWithRetry maps that.
 */
export class AadHttpClientTransport implements IHttpTransport {
  private readonly _client: AadHttpClient;

  public constructor(client: AadHttpClient) {
    this._client = client;
  }

  public fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    return this._client.fetch(url, AadHttpClient.configurations.v1, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body
    });
  }
}
