import { FetchFunction } from '../transport/FetchTransport';
import { RenewSession } from './renewingFetch';

/**
 * SharePoint's sign-in for Teams single sign-on, as SPFx's SPTeamsCookieRefresher does it
 * (docs/dev/platform-facts.md#teams): a token to the SharePoint origin from the host (authentication.getAuthToken),
 * posted to /_api/SP.OAuth.NativeClient/Authenticate, which answers 200 and sets a new session cookie.
 */
export function renewSharePointSession(siteOrigin: string, getToken: (resource: string) => Promise<string>, send: FetchFunction): RenewSession {
  return async (): Promise<boolean> => {
    const token: string = await getToken(siteOrigin);
    const response: Response = await send(`${siteOrigin}/_api/SP.OAuth.NativeClient/Authenticate`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Authorization: `Bearer ${token}`, 'X-FeatureVersion': '2' }
    });
    return response.status === 200;
  };
}
