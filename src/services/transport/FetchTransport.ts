import { IHttpRequest, IHttpResponse, IHttpTransport } from './IHttpTransport';

/**
 * window.fetch with credentials (SharePoint origins know the user from cookies) and, optionally, a bearer token
 * (Graph). Used by the local workbench; in SharePoint the SPFx clients play this part.
 */
export class FetchTransport implements IHttpTransport {
  private readonly _getToken: (() => Promise<string>) | undefined;

  public constructor(getToken?: () => Promise<string>) {
    this._getToken = getToken;
  }

  public async fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    const headers: Record<string, string> = { ...request.headers };
    if (this._getToken) {
      headers.Authorization = `Bearer ${await this._getToken()}`;
    }
    return fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body,
      credentials: this._getToken ? 'omit' : 'include'
    });
  }
}
