import { ISharePointProfile } from '../../models/ISharePointProfile';
import { pictureTimestampToDate } from '../../logic/pictureTimestamp';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, readJson, sendWithRetry } from '../transport/sendWithRetry';
import { ISharePointProfileService } from '../../logic/syncController/ISharePointProfileService';
import { parseMyProperties } from './profileWireFormat';

/**
 * The codes SharePoint sends with 403 when the X-RequestDigest is wrong (-2130575251) or has timed out
 * (-2130575252): either way a fresh digest fixes it (docs/dev/platform-facts.md#contextinfo-and-the-request-digest).
 */
const STALE_DIGEST_CODES: ReadonlyArray<string> = ['-2130575251', '-2130575252'];

/**
 * SharePoint's nometadata JSON; `odata-version` empty because SPHttpClient otherwise sends 4.0, which SharePoint
 * refuses with nometadata (406).
 */
const JSON_HEADERS: Record<string, string> = { Accept: 'application/json;odata=nometadata', 'odata-version': '' };

/**
 * The signed-in person's SharePoint profile over SharePoint REST, relative to the current site so that every
 * request, the image included, stays on the site's origin (the My Site host sends no CORS headers). The
 * transport adds the request digest to writes and forgets it after a 403, as SPHttpClient does.
 */
export class SharePointProfileService implements ISharePointProfileService {
  private readonly _transport: IHttpTransport;
  private readonly _siteUrl: string;
  private readonly _retry: IRetryOptions;

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
    let response: IHttpResponse = await this._upload(url, image);
    if (response.status === 403) {
      const code: string | undefined = await errorCode(response);
      if (code === undefined || STALE_DIGEST_CODES.indexOf(code) < 0) {
        throw refusal(response, code, 'uploadRefused');
      }
      // The digest was refused (page digests can be old, and SharePoint can end one early). The transport forgot it
      // on the 403, so sending again fetches a fresh one: once.
      response = await this._upload(url, image);
    }
    await throwForStatus(response, 'uploadRefused');
  }

  private _upload(url: string, image: Blob): Promise<IHttpResponse> {
    // The body is the raw image bytes: not JSON, not multipart. A write without a Content-Type makes SPHttpClient
    // insist on OData-Version 3.0 or 4.0 and throw before sending (docs/dev/platform-facts.md#sphttpclient).
    return this._send(url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'Content-Type': image.type || 'application/octet-stream' },
      body: image
    });
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
