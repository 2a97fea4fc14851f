import { FetchFunction } from '../transport/FetchTransport';
import { RenewSession } from './renewingSession';

/**
 * SharePoint's sign-in for Teams single sign-on, as SPFx's SPTeamsCookieRefresher does it
 * (docs/dev/platform-facts.md#sharepoint-cookie-renewal-in-teams-sphttpclient): a token to the SharePoint origin from the
 * host (authentication.getAuthToken), posted to /_api/SP.OAuth.NativeClient/Authenticate, which sets a new session
 * cookie. Unlike SPFx it passes no Continuous Access Evaluation claims (a 401 carrying a claims challenge is then not
 * renewed, and the person reads that the sign-in expired), and counts only a 2xx answer as a renewal.
 */
export function renewSharePointSession(siteOrigin: string, getToken: (resource: string) => Promise<string>, send: FetchFunction): RenewSession {
  return async (): Promise<boolean> => {
    const token: string = await getToken(siteOrigin);
    const response: Response = await send(`${siteOrigin}/_api/SP.OAuth.NativeClient/Authenticate`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Authorization: `Bearer ${token}`, 'X-FeatureVersion': '2', Accept: 'application/json' }
    });
    return response.ok;
  };
}
