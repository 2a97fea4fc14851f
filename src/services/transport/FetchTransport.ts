import { IHttpRequest, IHttpTransport } from './IHttpTransport';

/** The Fetch API as the web part's page has it (window.fetch in SharePoint). */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Reaches the page's own SharePoint site with the person's cookies, through the browser's fetch, as pnpjs does
 * for the web part's REST calls. Not SPHttpClient: on a 401 it navigates the whole page away to refresh the
 * sign-in cookie (docs/dev/platform-facts.md#sphttpclient), where an expired sign-in should read "reload the page".
 */
export function sameOriginTransport(send: FetchFunction): IHttpTransport {
  return {
    fetch: (url: string, request: IHttpRequest = {}) => send(url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      cache: request.cache,
      signal: request.signal,
      credentials: 'same-origin'
    })
  };
}
