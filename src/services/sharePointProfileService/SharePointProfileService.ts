import { ISharePointProfile } from '../../models/ISharePointProfile';
import { pictureTimestampToDate } from '../../logic/pictureTimestamp';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, readJson, sendWithRetry } from '../transport/sendWithRetry';
import { ISharePointProfileService } from './ISharePointProfileService';
import { parseContextInfo, parseMyProperties } from './profileWireFormat';

/** The error code SharePoint sends with 403 when the X-RequestDigest is missing, stale or wrong. */
const STALE_DIGEST_CODE: string = '-2130575251';

/** SharePoint's nometadata JSON; `odata-version` empty because SPHttpClient otherwise sends 4.0, which refuses it. */
const JSON_HEADERS: Record<string, string> = { Accept: 'application/json;odata=nometadata', 'odata-version': '' };

interface IDigest {
  value: string;
  /** Milliseconds since the epoch after which SharePoint no longer accepts it. */
  expiresAt: number;
}

/**
 * The signed-in person's SharePoint profile over SharePoint REST, relative to the current site so that every
 * request, the image included, stays on the site's origin (the My Site host sends no CORS headers).
 */
export class SharePointProfileService implements ISharePointProfileService {
  private readonly _transport: IHttpTransport;
  private readonly _siteUrl: string;
  private readonly _retry: IRetryOptions;
  private _digest: IDigest | undefined;

  public constructor(transport: IHttpTransport, siteUrl: string, retry: IRetryOptions) {
    this._transport = transport;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
    this._retry = retry;
  }

  public async getMyProfile(): Promise<ISharePointProfile> {
    const response: IHttpResponse = await this._send(`${this._siteUrl}/_api/SP.UserProfiles.PeopleManager/GetMyProperties`, {
      headers: JSON_HEADERS
    });
    await throwForStatus(response, 'badResponse');
    const profile: ISharePointProfile | undefined = parseMyProperties(await readJson<unknown>(response), pictureTimestampToDate);
    if (!profile) {
      throw new PhotoSyncError('badResponse', 'GetMyProperties answered without the expected properties', response.status);
    }
    return profile;
  }

  public async getMyPicture(profile: ISharePointProfile): Promise<Blob> {
    // userphoto.aspx serves SharePoint's copy (or the placeholder silhouette) and is cached for about a day;
    // the picture timestamp changes with every new photo, so it makes a cache-buster that is exact.
    const query: string = `size=L&accountname=${encodeURIComponent(userPrincipalName(profile))}` +
      (profile.pictureTimestamp ? `&t=${encodeURIComponent(profile.pictureTimestamp)}` : '');
    const url: string = `${this._siteUrl}/_layouts/15/userphoto.aspx?${query}`;
    // SPHttpClient would otherwise ask for JSON.
    let response: IHttpResponse = await this._send(url, { headers: { Accept: 'image/*' } });
    if (response.status === 403) {
      // userphoto.aspx redirects to a signed, short-lived afdcache link that answers 403 once stale; asking again
      // gets a fresh link.
      response = await this._send(url, { headers: { Accept: 'image/*' } });
    }
    await throwForStatus(response, 'badResponse');
    return readImage(response);
  }

  public async setMyProfilePicture(image: Blob): Promise<void> {
    const url: string = `${this._siteUrl}/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture`;
    let response: IHttpResponse = await this._post(url, image);
    if (response.status === 403) {
      const code: string | undefined = await errorCode(response);
      if (code !== STALE_DIGEST_CODE) {
        throw refusal(response, code, 'uploadRefused');
      }
      // The digest went stale (it lives 30 minutes, and page digests can be older): fetch a fresh one, once.
      this._digest = undefined;
      response = await this._post(url, image);
    }
    await throwForStatus(response, 'uploadRefused');
  }

  private async _post(url: string, body: Blob): Promise<IHttpResponse> {
    const digest: string = await this._requestDigest();
    // The body is the raw image bytes: not JSON, not multipart.
    return this._send(url, { method: 'POST', headers: { ...JSON_HEADERS, 'X-RequestDigest': digest }, body });
  }

  private async _requestDigest(): Promise<string> {
    if (this._digest && this._digest.expiresAt > Date.now()) {
      return this._digest.value;
    }
    const requestedAt: number = Date.now();
    const response: IHttpResponse = await this._send(`${this._siteUrl}/_api/contextinfo`, { method: 'POST', headers: JSON_HEADERS });
    await throwForStatus(response, 'badResponse');
    const info: { value: string; timeoutSeconds: number } | undefined = parseContextInfo(await readJson<unknown>(response));
    if (!info) {
      throw new PhotoSyncError('badResponse', 'contextinfo answered without FormDigestValue', response.status);
    }
    // Renew a minute early so a digest never expires between reading and using it.
    this._digest = { value: info.value, expiresAt: requestedAt + Math.max(0, info.timeoutSeconds - 60) * 1000 };
    return info.value;
  }

  private _send(url: string, request: Parameters<IHttpTransport['fetch']>[1]): Promise<IHttpResponse> {
    return sendWithRetry(() => this._transport.fetch(url, request), this._retry);
  }
}

/**
 * userphoto.aspx looks the person up by UPN, which the claims login ends with (i:0#.f|membership|<upn>); the email
 * address can differ from it, and an unknown account gets the placeholder silhouette, not an error.
 */
function userPrincipalName(profile: ISharePointProfile): string {
  const claims: string[] = profile.accountName.split('|');
  return claims.length > 1 && claims[claims.length - 1] ? claims[claims.length - 1] : profile.email || profile.accountName;
}

async function errorCode(response: IHttpResponse): Promise<string | undefined> {
  try {
    const body: { 'odata.error'?: { code?: string }; error?: { code?: string } } = JSON.parse(await response.text());
    const code: string | undefined = (body['odata.error'] || body.error || {}).code;
    // SharePoint codes read "-2130575251, Microsoft.SharePoint.SPException": the number is the stable part.
    return code ? code.split(',')[0].trim() : undefined;
  } catch {
    return undefined;
  }
}

async function throwForStatus(response: IHttpResponse, kind: 'badResponse' | 'uploadRefused'): Promise<void> {
  if (!response.ok) {
    throw refusal(response, await errorCode(response), kind);
  }
}

function refusal(response: IHttpResponse, code: string | undefined, kind: 'badResponse' | 'uploadRefused'): PhotoSyncError {
  const detail: string = `SharePoint answered ${response.status}${code ? ` ${code}` : ''}`;
  if (response.status === 401) {
    return new PhotoSyncError('signedOut', detail, response.status);
  }
  return new PhotoSyncError(kind === 'uploadRefused' || response.status < 500 ? kind : 'unexpected', detail, response.status);
}
